using System.Text.RegularExpressions;
using KnowledgeHub.Contracts.Search;
using KnowledgeHub.Testing;
using MassTransit;
using Xunit;

namespace KnowledgeHub.Architecture.Tests;

/// <summary>docs/flows.md names every integration event and every consumer, so a newcomer can follow any of them.</summary>
public sealed partial class Flows_page
{
    private static readonly Lazy<string> Page = new(() => File.ReadAllText(RepositoryRoot.Of("docs/flows.md")));

    public static TheoryData<string> Events => new(
        typeof(ReindexRequested).Assembly.GetTypes()
            .Where(type => type.IsDefined(typeof(MessageUrnAttribute), inherit: false))
            .Select(type => type.Name)
            .Order(StringComparer.Ordinal));

    public static TheoryData<string> Consumers => new(
        Directory.EnumerateFiles(RepositoryRoot.Of("services"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(path => ConsumerDeclaration().IsMatch(File.ReadAllText(path)))
            .Select(path => Path.GetRelativePath(RepositoryRoot.Path, path).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Events))]
    public void Has_a_section_for_every_event(string eventName) =>
        Assert.True(Page.Value.Contains($"\n### {eventName}\n", StringComparison.Ordinal), $"docs/flows.md has no '### {eventName}' section: say who publishes it and who consumes it.");

    [Theory]
    [MemberData(nameof(Consumers))]
    public void Links_every_consumer(string consumer) =>
        Assert.True(Page.Value.Contains($"(../{consumer})", StringComparison.Ordinal), $"docs/flows.md does not link {consumer}: name it under the event it consumes.");

    [GeneratedRegex(@"class\s+\w+[^{;]*?:[^{;]*?\b\w*Consumer<")]
    private static partial Regex ConsumerDeclaration();
}
