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
    private readonly ElasticsearchSettings _settings = new()
    {
        Url = Requirements.ElasticsearchUrl,
        Alias = $"kh-contract-{Guid.NewGuid():N}",
    };

    private HttpClient? _http;

    private protected override Task<ISearchIndexStore> CreateStoreAsync()
    {
        Requirements.SkipUnlessMet(Requirements.Elasticsearch());
        _http = new HttpClient { BaseAddress = _settings.Url };
        return Task.FromResult<ISearchIndexStore>(new ElasticsearchIndexStore(new ElasticsearchClient(_http), _settings, TimeProvider.System));
    }

    private protected override async Task DisposeStoreAsync(ISearchIndexStore store)
    {
        await TestIndexes.DeleteAsync(_http!, _settings.Alias);
        _http!.Dispose();
    }
}

/// <summary>Deletes a test's indexes by name: Elasticsearch 8 refuses wildcard deletes by default.</summary>
internal static class TestIndexes
{
    public static async Task DeleteAsync(HttpClient http, string alias)
    {
        var names = await http.GetStringAsync($"_cat/indices/{alias}-*?h=index");
        foreach (var name in names.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            using var deleted = await http.DeleteAsync(name);
        }
    }
}
