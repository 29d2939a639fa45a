using System.Globalization;
using System.Text.Json.Nodes;

namespace KnowledgeHub.Search.Index.Elasticsearch;

/// <summary>
/// Elasticsearch generations: one index per generation, named after the alias that searches use.
/// A new generation is filled with refreshes off (the bulk-loading recipe), then given the live
/// refresh interval, refreshed, and swapped in with one atomic alias update.
/// </summary>
internal sealed class ElasticsearchIndexStore(ElasticsearchClient client, ElasticsearchSettings settings, TimeProvider time) : ISearchIndexStore
{
    private string? _live;

    public async Task<ISearchIndex> OpenLiveAsync(CancellationToken cancellationToken)
    {
        _live = await client.IndexOfAliasAsync(settings.Alias, cancellationToken);
        if (_live is null)
        {
            _live = NewGenerationName();
            await client.CreateIndexAsync(_live, ElasticsearchMappings.Index(settings.RefreshInterval), cancellationToken);
            await client.UpdateAliasesAsync([AliasAction("add", _live)], cancellationToken);
        }

        return new ElasticsearchSearchIndex(_live, client, settings);
    }

    public async Task<ISearchIndex> CreateNextAsync(CancellationToken cancellationToken)
    {
        var name = NewGenerationName();
        await client.CreateIndexAsync(name, ElasticsearchMappings.Index(refreshInterval: "-1"), cancellationToken);
        return new ElasticsearchSearchIndex(name, client, settings);
    }

    public async Task PromoteAsync(ISearchIndex next, CancellationToken cancellationToken)
    {
        await client.PutSettingsAsync(next.Name, new JsonObject { ["index"] = new JsonObject { ["refresh_interval"] = settings.RefreshInterval } }, cancellationToken);
        await next.RefreshAsync(cancellationToken);
        var actions = new JsonArray();
        if (_live is not null)
        {
            actions.Add(AliasAction("remove", _live));
        }

        actions.Add(AliasAction("add", next.Name));
        await client.UpdateAliasesAsync(actions, cancellationToken);
        _live = next.Name;
    }

    public Task DropAsync(ISearchIndex index, CancellationToken cancellationToken) =>
        client.DeleteIndexAsync(index.Name, cancellationToken);

    private JsonObject AliasAction(string action, string index) =>
        new() { [action] = new JsonObject { ["index"] = index, ["alias"] = settings.Alias } };

    private string NewGenerationName() =>
        string.Create(CultureInfo.InvariantCulture, $"{settings.Alias}-{time.GetUtcNow():yyyyMMddHHmmss}-{Guid.NewGuid().ToString("N")[..8]}");
}
