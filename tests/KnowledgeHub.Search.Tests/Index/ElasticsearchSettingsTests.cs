using KnowledgeHub.Search.Index.Elasticsearch;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace KnowledgeHub.Search.Tests.Index;

/// <summary>
/// An Elasticsearch setting that cannot work stops Search at start, naming the setting; the
/// credentials that are set go with every request the client sends.
/// </summary>
public sealed class Elasticsearch_settings
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("MaxBulkActions", "0", "MaxBulkActions")]
    [InlineData("Alias", " ", "Alias")]
    [InlineData("Url", "elasticsearch:9200", "Url")]
    [InlineData("Nodes:0", "ftp://es-2.test:9200", "Nodes")]
    [InlineData("Password", "secret", "Username")]
    [InlineData("Username", "knowledgehub", "Password")]
    [InlineData("CertificateAuthority", "/nowhere/ca.crt", "CertificateAuthority")]
    [InlineData("CertificateFingerprint", "not-a-fingerprint", "CertificateFingerprint")]
    public void A_setting_that_cannot_work_is_refused_naming_the_one_to_fix(string key, string value, string named)
    {
        var refused = Assert.Throws<InvalidOperationException>(() => ElasticsearchSettings.From(Configuration((key, value))));

        Assert.StartsWith($"'Search:Elasticsearch:{named}'", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_api_key_and_a_password_together_are_refused()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => ElasticsearchSettings.From(Configuration(("ApiKey", "a2V5"), ("Username", "elastic"), ("Password", "secret"))));

        Assert.Contains("Search:Elasticsearch:ApiKey", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_url_or_nodes_Search_uses_Lucene()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Search:Elasticsearch:MaxBulkActions"] = "0" }).Build();

        Assert.Null(ElasticsearchSettings.From(configuration));
    }

    [Fact]
    public void Nodes_alone_name_the_cluster_and_a_url_joins_them()
    {
        var settings = ElasticsearchSettings.From(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Search:Elasticsearch:Nodes:0"] = "https://es-1.test:9200",
            ["Search:Elasticsearch:Nodes:1"] = "https://es-2.test:9200",
            ["Search:Elasticsearch:CertificateFingerprint"] = "E8:23:4A:10:B3:1C:9A:8F:E5:E5:52:36:AB:47:5F:12:6C:AE:0D:1E:8F:38:8B:A5:1E:B4:40:6D:2B:55:9E:93",
        }).Build())!;

        Assert.Equal([new Uri("https://es-1.test:9200"), new Uri("https://es-2.test:9200")], settings.AllNodes);
        settings.Url = new Uri("https://es-0.test:9200");
        Assert.Equal(new Uri("https://es-0.test:9200"), settings.AllNodes[0]);
    }

    [Fact]
    public async Task An_api_key_goes_with_every_request()
    {
        var server = new FakeElasticsearch();

        using var index = await server.Store(new ElasticsearchSettings { Url = FakeElasticsearch.FirstNode, ApiKey = "VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==", Alias = "kh-test" }).OpenLiveAsync(Ct);

        Assert.All(server.Requests, request => Assert.Equal("ApiKey VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==", request.Authorization));
    }

    [Fact]
    public async Task A_user_name_and_password_go_as_basic_authentication()
    {
        var server = new FakeElasticsearch();

        using var index = await server.Store(new ElasticsearchSettings { Url = FakeElasticsearch.FirstNode, Username = "knowledgehub", Password = "s3cret", Alias = "kh-test" }).OpenLiveAsync(Ct);

        Assert.All(server.Requests, request => Assert.Equal($"Basic {Convert.ToBase64String("knowledgehub:s3cret"u8)}", request.Authorization));
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings)
    {
        var values = new Dictionary<string, string?> { ["Search:Elasticsearch:Url"] = "http://127.0.0.1:9200" };
        foreach (var (key, value) in settings)
        {
            values[$"Search:Elasticsearch:{key}"] = value;
        }

        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }
}
