using KnowledgeHub.Search.Index.Lucene;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Xunit;

namespace KnowledgeHub.Search.Tests.Index;

/// <summary>
/// The index's files read through positional reads (ADR 0090) give the bytes that were written, wherever a
/// read starts and however long it is, to every clone and compound-file slice on its own; a read past the end
/// fails as Lucene expects, and closing a clone leaves the input it came from readable.
/// </summary>
public sealed class Positional_read_directory : IDisposable
{
    private const int FileLength = 20_011;

    private readonly string _folder = System.IO.Directory.CreateTempSubdirectory("kh-positional-").FullName;

    [Fact]
    public void Bytes_read_one_at_a_time_in_runs_past_the_buffer_and_after_seeks_are_the_bytes_written()
    {
        using var directory = DirectoryWithFile("data.bin");
        using var input = directory.OpenInput("data.bin", IOContext.DEFAULT);

        Assert.Equal(FileLength, input.Length);
        Assert.Equal(Expected(0, 5_000), ReadOneByOne(input, 5_000));
        var run = new byte[9_000];
        input.ReadBytes(run, 0, run.Length);
        Assert.Equal(Expected(5_000, 9_000), run);
        input.Seek(17_000);
        Assert.Equal(Expected(17_000, FileLength - 17_000), ReadOneByOne(input, FileLength - 17_000));
        input.Seek(3);
        Assert.Equal(Expected(3, 10), ReadOneByOne(input, 10));
    }

    [Fact]
    public void A_clone_reads_from_its_own_position_and_closing_it_leaves_the_original_readable()
    {
        using var directory = DirectoryWithFile("data.bin");
        using var input = directory.OpenInput("data.bin", IOContext.DEFAULT);
        input.Seek(100);

        var clone = (IndexInput)input.Clone();
        clone.Seek(12_000);
        Assert.Equal(Expected(12_000, 4), ReadOneByOne(clone, 4));
        clone.Dispose();

        Assert.Equal(Expected(100, 4), ReadOneByOne(input, 4));
    }

    [Fact]
    public void Reading_past_the_end_fails_with_end_of_stream()
    {
        using var directory = DirectoryWithFile("data.bin");
        using var input = directory.OpenInput("data.bin", IOContext.DEFAULT);
        input.Seek(FileLength - 2);

        Assert.Throws<EndOfStreamException>(() => input.ReadBytes(new byte[3], 0, 3));
    }

    [Fact]
    public void Slices_of_one_file_each_read_their_own_range()
    {
        using var directory = DirectoryWithFile("data.bin");
        using var slicer = directory.CreateSlicer("data.bin", IOContext.DEFAULT);
        using var first = slicer.OpenSlice("first", 10, 7_000);
        using var second = slicer.OpenSlice("second", 15_000, 5_000);

        Assert.Equal(Expected(15_000, 5_000), ReadOneByOne(second, 5_000));
        Assert.Equal(Expected(10, 7_000), ReadOneByOne(first, 7_000));
        Assert.Throws<EndOfStreamException>(() => first.ReadByte());
    }

    [Fact]
    public void An_index_of_compound_and_plain_segments_reads_back_every_stored_document()
    {
        using var directory = new PositionalReadDirectory(_folder);
        var config = new IndexWriterConfig(LuceneAnalyzers.Version, new Lucene.Net.Analysis.Core.KeywordAnalyzer()) { UseCompoundFile = true };
        using (var writer = new IndexWriter(directory, config))
        {
            for (var number = 0; number < 300; number++)
            {
                writer.AddDocument([new StringField("id", $"doc-{number}", Field.Store.YES), new StoredField("body", new string('x', number * 7))]);
                if (number % 100 == 99)
                {
                    writer.Commit();
                }
            }
        }

        Assert.Contains(directory.ListAll(), file => file.EndsWith(".cfs", StringComparison.Ordinal));
        using var reader = DirectoryReader.Open(directory);
        var stored = Enumerable.Range(0, reader.MaxDoc).Select(reader.Document).ToDictionary(document => document.Get("id"), document => document.Get("body").Length);
        Assert.Equal(Enumerable.Range(0, 300).ToDictionary(number => $"doc-{number}", number => number * 7), stored);
    }

    public void Dispose() => System.IO.Directory.Delete(_folder, recursive: true);

    private PositionalReadDirectory DirectoryWithFile(string name)
    {
        var directory = new PositionalReadDirectory(_folder);
        using var output = directory.CreateOutput(name, IOContext.DEFAULT);
        var bytes = Expected(0, FileLength);
        output.WriteBytes(bytes, bytes.Length);
        return directory;
    }

    /// <summary>A pattern that repeats neither within a buffer nor at a power of two.</summary>
    private static byte[] Expected(int from, int count) =>
        Enumerable.Range(from, count).Select(position => (byte)(position * 31 % 251)).ToArray();

    private static byte[] ReadOneByOne(IndexInput input, int count) =>
        Enumerable.Range(0, count).Select(_ => input.ReadByte()).ToArray();
}
