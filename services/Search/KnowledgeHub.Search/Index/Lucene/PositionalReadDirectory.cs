using Lucene.Net.Store;
using Microsoft.Win32.SafeHandles;

namespace KnowledgeHub.Search.Index.Lucene;

/// <summary>
/// <see cref="NIOFSDirectory"/> whose inputs fill their buffers with one positional read of the file's
/// handle (<see cref="RandomAccess.Read(SafeFileHandle, Span{byte}, long)"/>, <c>pread</c>). Lucene.Net
/// 4.8's own refill asks the file for its length, takes a lock, seeks, reads and seeks back through a
/// <see cref="FileStream"/> on every buffer, and a profile of the query mix put half of a search in
/// that path (ADR 0090). A positional read needs neither the lock nor the seeks, so clones share the
/// handle as they share the stream.
/// </summary>
internal sealed class PositionalReadDirectory(string path) : NIOFSDirectory(path)
{
    /// <summary>
    /// Bytes read at a time, for searches and merges alike: with Lucene's 1 KB for searches the query mix took a
    /// tenth longer at a million documents than with 4 KB; 8 KB gained nothing more at 100,000 (ADR 0090).
    /// </summary>
    private const int ReadBufferBytes = 4096;

    // The context's buffer size is Lucene's guess for the file system behind a stream; ReadBufferBytes was measured here.
    public override IndexInput OpenInput(string name, IOContext context)
    {
        EnsureOpen();
        var file = OpenFile(name);
        return new PositionalReadInput($"PositionalReadInput(path=\"{file.Name}\")", file, 0, file.Length, ownsFile: true);
    }

    public override IndexInputSlicer CreateSlicer(string name, IOContext context)
    {
        EnsureOpen();
        return new Slicer(OpenFile(name));
    }

    private FileStream OpenFile(string name) =>
        // No buffer of its own: nothing reads through the stream, only through its handle.
        new(System.IO.Path.Combine(Directory.FullName, name), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);

    /// <summary>Slices of a compound file, each an input of its own over the one shared handle.</summary>
    private sealed class Slicer(FileStream file) : IndexInputSlicer
    {
        public override IndexInput OpenSlice(string sliceDescription, long offset, long length) =>
            new PositionalReadInput($"PositionalReadInput({sliceDescription} in path=\"{file.Name}\" slice={offset}:{offset + length})", file, offset, length, ownsFile: false);

        [Obsolete("Only for reading CFS files from 3.x indexes.")]
        public override IndexInput OpenFullSlice() => OpenSlice("full-slice", 0, file.Length);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                file.Dispose();
            }
        }
    }

    private sealed class PositionalReadInput : NIOFSIndexInput
    {
        private readonly SafeFileHandle _handle;

        // The base class's own flag is internal to Lucene.Net, and this constructor marks every input a clone:
        // only the input a file was opened for closes it, never its clones or a compound file's slices.
        private bool _ownsFile;

        public PositionalReadInput(string description, FileStream file, long offset, long length, bool ownsFile)
            : base(description, file, offset, length, ReadBufferBytes)
        {
            _handle = file.SafeFileHandle;
            _ownsFile = ownsFile;
        }

        public override object Clone()
        {
            var clone = (PositionalReadInput)base.Clone();
            clone._ownsFile = false;
            return clone;
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (disposing && _ownsFile)
            {
                _ownsFile = false;
                m_channel.Dispose();
            }
        }

        protected override void ReadInternal(byte[] b, int offset, int len)
        {
            var position = Position + m_off;
            if (position + len > m_end)
            {
                throw new EndOfStreamException($"read past EOF: {this}");
            }

            var destination = b.AsSpan(offset, len);
            while (!destination.IsEmpty)
            {
                var read = RandomAccess.Read(_handle, destination, position);
                if (read <= 0)
                {
                    // The file shrank under the index: Lucene's own input reports the same.
                    throw new EndOfStreamException($"read past EOF: {this} at {position}, {destination.Length} bytes left");
                }

                position += read;
                destination = destination[read..];
            }
        }
    }
}
