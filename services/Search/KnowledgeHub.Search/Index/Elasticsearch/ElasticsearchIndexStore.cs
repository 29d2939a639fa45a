using System.Globalization;
using System.Net;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.IndexManagement;

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
        var live = await LiveIndexAsync(cancellationToken);
        if (live is null)
        {
            live = NewGenerationName();
            await CreateAsync(live, settings.RefreshInterval, cancellationToken);
            await SwapAliasAsync([new AddAction { Index = live, Alias = settings.Alias }], cancellationToken);
        }

        return new ElasticsearchSearchIndex(live, RebuildOf(live), client, settings);
    }

    public bool Shared => true;

    /// <summary>Named after the rebuild, so every instance fills the same one; the first creates it.</summary>
    public async Task<ISearchIndex> CreateNextAsync(Guid reindexId, CancellationToken cancellationToken)
    {
        var name = NameFor(reindexId);
        var exists = (await client.Indices.ExistsAsync(name, cancellationToken)).Checked($"looking for {name}", alsoAccepted: HttpStatusCode.NotFound);
        if (exists.ApiCallDetails.HttpStatusCode == (int)HttpStatusCode.NotFound)
        {
            await CreateAsync(name, Duration.MinusOne, cancellationToken);
        }

        return new ElasticsearchSearchIndex(name, reindexId, client, settings);
    }

    public async Task PromoteAsync(ISearchIndex next, CancellationToken cancellationToken)
    {
        (await client.Indices.PutSettingsAsync(new PutIndicesSettingsRequest(next.Name, new IndexSettings { RefreshInterval = settings.RefreshInterval }), cancellationToken))
            .Checked($"setting the refresh interval of {next.Name}");
        await next.RefreshAsync(cancellationToken);
        // The alias, not this instance's memory: another instance may have swapped it since this one opened it.
        var live = await LiveIndexAsync(cancellationToken);
        var actions = new List<IndexUpdateAliasesAction>();
        if (live is not null)
        {
            actions.Add(new RemoveAction { Index = live, Alias = settings.Alias });
        }

        actions.Add(new AddAction { Index = next.Name, Alias = settings.Alias });
        await SwapAliasAsync(actions, cancellationToken);
    }

    public async Task DropAsync(ISearchIndex index, CancellationToken cancellationToken) =>
        (await client.Indices.DeleteAsync(index.Name, cancellationToken)).Checked($"deleting {index.Name}", alsoAccepted: HttpStatusCode.NotFound);

    private async Task<string?> LiveIndexAsync(CancellationToken cancellationToken)
    {
        var aliases = (await client.Indices.GetAliasAsync(new GetAliasRequest(name: settings.Alias), cancellationToken))
            .Checked($"looking up the alias {settings.Alias}", alsoAccepted: HttpStatusCode.NotFound);
        return aliases.Aliases?.Keys.FirstOrDefault();
    }

    private async Task CreateAsync(string name, Duration refreshInterval, CancellationToken cancellationToken) =>
        (await client.Indices.CreateAsync(ElasticsearchMappings.Index(name, refreshInterval), cancellationToken)).Checked($"creating {name}");

    /// <summary>Applies alias actions atomically: searches see either the old index or the new one.</summary>
    private async Task SwapAliasAsync(List<IndexUpdateAliasesAction> actions, CancellationToken cancellationToken) =>
        (await client.Indices.UpdateAliasesAsync(new UpdateAliasesRequest { Actions = actions }, cancellationToken)).Checked($"pointing {settings.Alias} at its index");

    private string NameFor(Guid reindexId) => $"{settings.Alias}-{reindexId:N}";

    /// <summary>The rebuild an index was created for, read back from its name; null for the first generation.</summary>
    private Guid? RebuildOf(string index) =>
        index.StartsWith(settings.Alias + "-", StringComparison.Ordinal) && Guid.TryParseExact(index[(settings.Alias.Length + 1)..], "N", out var reindexId)
            ? reindexId
            : null;

    private string NewGenerationName() =>
        string.Create(CultureInfo.InvariantCulture, $"{settings.Alias}-{time.GetUtcNow():yyyyMMddHHmmss}-{Guid.NewGuid().ToString("N")[..8]}");
}
