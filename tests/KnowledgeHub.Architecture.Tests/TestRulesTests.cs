using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.Architecture.Tests;

/// <summary>
/// A test skips only through <see cref="Requirements.SkipUnlessMet"/>, which counts the reason so the
/// run names it (<see cref="SkipReasons"/>); a skip written any other way would pass unexplained.
/// </summary>
public sealed class TestRulesTests
{
    [Fact]
    public void Tests_skip_only_through_the_requirements()
    {
        // Requirements skips for everyone; this file names what it looks for.
        string[] allowed = [Path.Combine(RepositoryRoot.Path, "tests", "KnowledgeHub.Testing", "Requirements.cs"), Path.Combine(RepositoryRoot.Path, "tests", "KnowledgeHub.Architecture.Tests", "TestRulesTests.cs")];
        var skipping = Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "tests"), "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains("/bin/") && !file.Contains("/obj/") && !allowed.Contains(file))
            .Where(file => File.ReadLines(file).Any(line => line.Contains("Assert.Skip", StringComparison.Ordinal) || line.Contains("Skip = \"", StringComparison.Ordinal)))
            .Select(file => Path.GetRelativePath(RepositoryRoot.Path, file))
            .ToList();

        Assert.True(skipping.Count == 0, $"Skip through Requirements.SkipUnlessMet instead: {string.Join(", ", skipping)}");
    }
}
