using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.IndexManagement;
using KnowledgeHub.Search.Index;
using KnowledgeHub.Search.Index.Elasticsearch;
using KnowledgeHub.Testing;

namespace KnowledgeHub.Search.Tests.Index;

/// <summary>
/// The contract on the Elasticsearch adapter, against the server named by
/// <c>KNOWLEDGEHUB_TEST_ELASTICSEARCH_URL</c>; skipped with that reason when it is not set.
/// Each test class instance uses an alias of its own and deletes its indexes afterwards.
/// </summary>
public sealed class Elasticsearch_index_contract : SearchIndexContract
{
    private readonly LiveElasticsearch _server = new("kh-contract");

    private protected override Task<ISearchIndexStore> CreateStoreAsync()
    {
        Requirements.SkipUnlessMet(Requirements.Elasticsearch());
        return Task.FromResult<ISearchIndexStore>(_server.Store());
    }

    private protected override Task DisposeStoreAsync(ISearchIndexStore store) => _server.DeleteIndexesAsync();
}

/// <summary>
/// A test's own alias on the live server named by <c>KNOWLEDGEHUB_TEST_ELASTICSEARCH_URL</c>,
/// authenticated with <c>KNOWLEDGEHUB_TEST_ELASTICSEARCH_API_KEY</c> and trusting the certificate
/// fingerprint in <c>KNOWLEDGEHUB_TEST_ELASTICSEARCH_FINGERPRINT</c> when those are set.
/// </summary>
internal sealed class LiveElasticsearch(string prefix)
{
    private readonly string _alias = $"{prefix}-{Guid.NewGuid():N}";
    private ElasticsearchClient? _client;

    public ElasticsearchIndexStore Store()
    {
        var settings = new ElasticsearchSettings
        {
            Url = Requirements.ElasticsearchUrl,
            ApiKey = Environment.GetEnvironmentVariable("KNOWLEDGEHUB_TEST_ELASTICSEARCH_API_KEY"),
            CertificateFingerprint = Environment.GetEnvironmentVariable("KNOWLEDGEHUB_TEST_ELASTICSEARCH_FINGERPRINT"),
            Alias = _alias,
        };
        _client = ElasticsearchConnection.Create(settings);
        return new ElasticsearchIndexStore(_client, settings, TimeProvider.System);
    }

    /// <summary>Deletes this test's indexes by name: Elasticsearch refuses wildcard deletes by default.</summary>
    public async Task DeleteIndexesAsync()
    {
        if (_client is null)
        {
            return;
        }

        var indexes = await _client.Indices.GetAsync(new GetIndexRequest($"{_alias}-*"));
        foreach (var name in indexes.Indices?.Keys ?? [])
        {
            await _client.Indices.DeleteAsync(name);
        }
    }
}
