using KnowledgeHub.Search.Index.Elasticsearch;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace KnowledgeHub.Search.Tests.Index;

/// <summary>An Elasticsearch setting that cannot work stops Search at start, naming the setting.</summary>
public sealed class Elasticsearch_settings
{
    [Theory]
    [InlineData("MaxBulkActions", "0")]
    [InlineData("Alias", " ")]
    public void A_bad_setting_is_refused_with_its_name(string key, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Search:Elasticsearch:Url"] = "http://127.0.0.1:9200",
            [$"Search:Elasticsearch:{key}"] = value,
        }).Build();

        var refused = Assert.Throws<InvalidOperationException>(() => ElasticsearchSettings.From(configuration));

        Assert.Contains($"Search:Elasticsearch:{key}", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_url_Search_uses_Lucene()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Search:Elasticsearch:MaxBulkActions"] = "0" }).Build();

        Assert.Null(ElasticsearchSettings.From(configuration));
    }
}
