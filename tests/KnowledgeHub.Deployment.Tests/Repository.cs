using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace KnowledgeHub.Deployment.Tests;

/// <summary>Files of the repository under test, found from the test's build output.</summary>
internal static class Repository
{
    public static readonly string Root = KnowledgeHub.Testing.RepositoryRoot.Path;

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    public static string Read(string relative) => File.ReadAllText(PathOf(relative));

    /// <summary>Every YAML document of a file (manifests hold several, separated by ---).</summary>
    public static IReadOnlyList<YamlMappingNode> ReadYaml(string relative)
    {
        // Compose files use merge keys (<<: *anchor); resolve them as Docker Compose does.
        var stream = new YamlStream();
        using var reader = new StringReader(Read(relative));
        stream.Load(new MergingParser(new Parser(reader)));
        return stream.Documents.Select(document => (YamlMappingNode)document.RootNode).ToList();
    }
}

/// <summary>Small reading helpers over YamlDotNet's node model.</summary>
internal static class Yaml
{
    public static YamlNode? Get(this YamlNode node, string key) =>
        node is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    public static YamlMappingNode Map(this YamlNode node, string key) =>
        node.Get(key) as YamlMappingNode ?? throw new KeyNotFoundException($"'{key}' is not a mapping in {node.Start}.");

    public static string? Text(this YamlNode node, string key) => (node.Get(key) as YamlScalarNode)?.Value;

    public static IEnumerable<YamlNode> Items(this YamlNode node, string key) =>
        node.Get(key) as YamlSequenceNode ?? Enumerable.Empty<YamlNode>();

    public static IReadOnlyDictionary<string, string> Entries(this YamlMappingNode mapping) =>
        mapping.Children.ToDictionary(pair => ((YamlScalarNode)pair.Key).Value!, pair => (pair.Value as YamlScalarNode)?.Value ?? "");
}

/// <summary>The hosts the hub is made of, as the code names them.</summary>
internal static class Hosts
{
    public static readonly IReadOnlyList<string> Services =
    [
        KnowledgeHub.Expertise.ExpertiseModule.Name,
        KnowledgeHub.Communities.CommunitiesModule.Name,
        KnowledgeHub.Alignment.AlignmentModule.Name,
        KnowledgeHub.Partnerships.PartnershipsModule.Name,
        KnowledgeHub.Search.SearchModule.Name,
        KnowledgeHub.Notifications.NotificationsModule.Name,
    ];

    public static string Title(string service) => char.ToUpperInvariant(service[0]) + service[1..];

    /// <summary>The host's project name, which is also its assembly's: the Dockerfile's <c>HOST</c> build argument.</summary>
    public static string ProjectOf(string host) => host == "gateway" ? "KnowledgeHub.Gateway" : $"KnowledgeHub.{Title(host)}.Host";
}
