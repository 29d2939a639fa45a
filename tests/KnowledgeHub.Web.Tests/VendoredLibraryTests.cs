using System.Security.Cryptography;
using System.Text;
using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.Web.Tests;

/// <summary>The third-party script the web app serves is the one its ADR pins, with its licence beside it.</summary>
public sealed class VendoredLibraryTests
{
    [Fact]
    public void The_systems_maps_graph_library_is_the_release_ADR_0060_pins()
    {
        var folder = RepositoryRoot.Of("gateway/KnowledgeHub.Web/wwwroot/lib/cytoscape");
        var script = File.ReadAllBytes(Path.Combine(folder, "cytoscape.min.js"));
        var decision = File.ReadAllText(RepositoryRoot.Of("docs/adr/0060-systems-map-graph-vendored-cytoscape.md"));

        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(script)), decision, StringComparison.Ordinal);
        Assert.Contains("Cytoscape.js 3.35.0", decision, StringComparison.Ordinal);
        Assert.Contains("\"3.35.0\"", Encoding.UTF8.GetString(script), StringComparison.Ordinal);
        Assert.Contains("The Cytoscape Consortium", File.ReadAllText(Path.Combine(folder, "LICENSE")), StringComparison.Ordinal);
    }
}
