using System.Text.RegularExpressions;
using Xunit;

namespace KnowledgeHub.Deployment.Tests;

/// <summary>
/// The repository's Markdown holds together: every relative link names a file or folder that
/// exists (and a heading, when it names one in a Markdown file), nothing points outside the
/// repository, and every ADR says whether it still stands.
/// </summary>
public sealed partial class DocumentationTests
{
    private static readonly string[] SkippedFolders = ["bin", "obj", "node_modules", ".git", "TestResults", "BenchmarkDotNet.Artifacts"];

    public static TheoryData<string> MarkdownFiles => new(Markdown().Select(path => Path.GetRelativePath(Repository.Root, path).Replace('\\', '/')));

    public static TheoryData<string> Adrs => new(Directory.GetFiles(Repository.PathOf("docs/adr"), "0*.md").Select(path => Path.GetFileName(path)).Order());

    [Theory]
    [MemberData(nameof(MarkdownFiles))]
    public void Every_relative_link_resolves_inside_the_repository(string file)
    {
        var broken = new List<string>();
        var text = File.ReadAllText(Repository.PathOf(file));
        foreach (Match link in Link().Matches(WithoutCode(text)))
        {
            var target = link.Groups["target"].Value;
            if (target.Length == 0 || Uri.TryCreate(target, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https" or "mailto")
            {
                continue;
            }

            var (path, anchor) = target.IndexOf('#') is var hash and >= 0 ? (target[..hash], target[(hash + 1)..]) : (target, "");
            var resolved = path.Length == 0
                ? Repository.PathOf(file)
                : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Repository.PathOf(file))!, Uri.UnescapeDataString(path)));
            if (!resolved.StartsWith(Repository.Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                broken.Add($"{target}: outside the repository");
            }
            else if (!File.Exists(resolved) && !Directory.Exists(resolved))
            {
                broken.Add($"{target}: no such file");
            }
            else if (anchor.Length > 0 && resolved.EndsWith(".md", StringComparison.Ordinal) && !Anchors(File.ReadAllText(resolved)).Contains(anchor))
            {
                broken.Add($"{target}: no heading #{anchor}");
            }
        }

        Assert.True(broken.Count == 0, $"Broken links in {file}:\n" + string.Join('\n', broken));
    }

    [Theory]
    [MemberData(nameof(Adrs))]
    public void Every_ADR_has_a_status(string adr)
    {
        var lines = File.ReadAllLines(Repository.PathOf($"docs/adr/{adr}"));

        var status = lines.FirstOrDefault(line => line.StartsWith("Status: ", StringComparison.Ordinal));

        Assert.True(status is not null, $"{adr} has no 'Status: ' line.");
        Assert.Matches(@"^Status: (Accepted|Proposed|Deprecated|Superseded by \d{4})\b", status);
    }

    [Fact]
    public void The_ADR_index_lists_every_ADR()
    {
        var index = Repository.Read("docs/adr/README.md");

        Assert.All(Directory.GetFiles(Repository.PathOf("docs/adr"), "0*.md").Select(Path.GetFileName), adr => Assert.Contains($"({adr})", index));
    }

    private static IEnumerable<string> Markdown() =>
        Directory.EnumerateFiles(Repository.Root, "*.md", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.None })
            .Where(path => !Path.GetRelativePath(Repository.Root, path).Split(Path.DirectorySeparatorChar).Any(SkippedFolders.Contains));

    /// <summary>GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens.</summary>
    private static HashSet<string> Anchors(string markdown) =>
        Heading().Matches(WithoutCode(markdown))
            .Select(match => new string(match.Groups["title"].Value.Trim().ToLowerInvariant()
                .Where(character => char.IsLetterOrDigit(character) || character is ' ' or '-' or '_').ToArray()).Replace(' ', '-'))
            .ToHashSet();

    /// <summary>Fenced blocks and inline code hold examples, not links.</summary>
    private static string WithoutCode(string markdown) => InlineCode().Replace(Fence().Replace(markdown, ""), "");

    [GeneratedRegex(@"(?<!!)\[[^\]]*\]\((?<target>[^)\s]*)(?:\s+""[^""]*"")?\)|!\[[^\]]*\]\((?<target>[^)\s]*)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"(?m)^#{1,6}\s+(?<title>.+)$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"(?ms)^```.*?^```")]
    private static partial Regex Fence();

    [GeneratedRegex(@"`[^`\n]*`")]
    private static partial Regex InlineCode();
}
