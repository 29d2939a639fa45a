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
    public async Task<ISearchIndex> OpenLiveAsync(CancellationToken cancellationToken)
    {
        var live = await client.IndexOfAliasAsync(settings.Alias, cancellationToken);
        if (live is null)
        {
            live = NewGenerationName();
            await client.CreateIndexAsync(live, ElasticsearchMappings.Index(settings.RefreshInterval), cancellationToken);
            await client.UpdateAliasesAsync([AliasAction("add", live)], cancellationToken);
        }

        return new ElasticsearchSearchIndex(live, client, settings);
    }

    public bool Shared => true;

    /// <summary>Named after the rebuild, so every instance fills the same one; the first creates it.</summary>
    public async Task<ISearchIndex> CreateNextAsync(Guid reindexId, CancellationToken cancellationToken)
    {
        var name = $"{settings.Alias}-{reindexId:N}";
        if (!await client.IndexExistsAsync(name, cancellationToken))
        {
            await client.CreateIndexAsync(name, ElasticsearchMappings.Index(refreshInterval: "-1"), cancellationToken);
        }

        return new ElasticsearchSearchIndex(name, client, settings);
    }

    public async Task PromoteAsync(ISearchIndex next, CancellationToken cancellationToken)
    {
        await client.PutSettingsAsync(next.Name, new JsonObject { ["index"] = new JsonObject { ["refresh_interval"] = settings.RefreshInterval } }, cancellationToken);
        await next.RefreshAsync(cancellationToken);
        // The alias, not this instance's memory: another instance may have swapped it since this one opened it.
        var live = await client.IndexOfAliasAsync(settings.Alias, cancellationToken);
        var actions = new JsonArray();
        if (live is not null)
        {
            actions.Add(AliasAction("remove", live));
        }

        actions.Add(AliasAction("add", next.Name));
        await client.UpdateAliasesAsync(actions, cancellationToken);
    }

    public Task DropAsync(ISearchIndex index, CancellationToken cancellationToken) =>
        client.DeleteIndexAsync(index.Name, cancellationToken);

    private JsonObject AliasAction(string action, string index) =>
        new() { [action] = new JsonObject { ["index"] = index, ["alias"] = settings.Alias } };

    private string NewGenerationName() =>
        string.Create(CultureInfo.InvariantCulture, $"{settings.Alias}-{time.GetUtcNow():yyyyMMddHHmmss}-{Guid.NewGuid().ToString("N")[..8]}");
}
