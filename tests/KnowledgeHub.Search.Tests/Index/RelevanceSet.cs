using KnowledgeHub.Search.Index;
using KnowledgeHub.Search.Index.Lucene;
using KnowledgeHub.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace KnowledgeHub.Search.Tests.Index;

/// <summary>
/// The relevance test set: queries as people type them (names, skills, typos, inflections,
/// phrases, a type filter) and the document that must come first.
/// </summary>
public abstract class RelevanceSet : IAsyncLifetime
{
    private ISearchIndex? _index;
    private IReadOnlyDictionary<Guid, string> _keys = null!;

    public static TheoryData<string, string, string?> Cases => new()
    {
        { "kubernetes guild", "c-k8s", null },
        { "kubernets", "c-k8s", null },
        { "kubernetes upgrade", "po-k8s-upgrade", null },
        { "upgrading kubernetes clusters", "po-k8s-upgrade", null },
        { "grace hopper", "p-grace", null },
        { "grace", "p-grace", null },
        { "hoper", "p-grace", null },
        { "cobol", "p-grace", null },
        { "spark", "po-spark", null },
        { "spark python", "p-ada", null },
        { "spark", "p-ada", "person" },
        { "postgres backup", "po-pg-backup", null },
        { "postgresql indexes", "po-pg-index", null },
        { "machine learning", "c-ml", null },
        { "machin lerning", "c-ml", null },
        { "threat modeling", "po-threat", null },
        { "phishing", "po-phishing", null },
        { "accessibility", "c-a11y", null },
        { "accessible forms", "po-a11y", null },
        { "screen readers", "po-a11y", null },
        { "retrospective", "po-retro", null },
        { "budget forecast", "po-budget", null },
        { "katherine", "p-katherine", null },
        { "forecasting excel", "p-katherine", null },
        { "onboarding", "po-onboard", null },
        { "recruiting", "p-joan", null },
        { "hire engineers", "o-hiring", null },
        { "cloud costs", "o-cost", null },
        { "cloud migration", "pr-cloud", null },
        { "crm", "pr-crm", null },
        { "customer relationship management", "pr-crm", null },
        { "zero trust", "pr-zero", null },
        { "vpn replacement", "pr-zero", null },
        { "chatbot", "pr-chatbot", null },
        { "customer satisfaction", "o-nps", null },
        { "wcag", "o-a11y", null },
        { "terraform modules", "po-terraform", null },
        { "helm charts", "po-helm", null },
        { "postmortem", "po-incident", null },
        { "frances", "p-frances", null },
        { "profiling .NET services in production", "po-perf", null },
        { "data lake", "po-lake", null },
        { "security", "c-sec", null },
        { "encryption", "p-hedy", null },
        { "routing protocols", "p-radia", null },
        { "distributed systems", "p-barbara", null },
        { "agile coaches", "c-agile", null },
        { "payroll", "pr-payroll", null },
        { "finops", "c-finops", null },
        { "nlp researcher", "p-alan", null },
        { "security", "o-security", "objective" },
    };

    private protected abstract Task<ISearchIndex> CreateIndexAsync();

    public async ValueTask InitializeAsync()
    {
        var index = _index = await CreateIndexAsync();
        var (documents, keys) = RelevanceCorpus.Build();
        _keys = keys;
        foreach (var document in documents)
        {
            await index.UpsertAsync(document, CancellationToken.None);
        }

        await index.RefreshAsync(CancellationToken.None);
    }

    public virtual ValueTask DisposeAsync()
    {
        _index?.Dispose();
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_expected_document_ranks_first(string query, string expected, string? type)
    {
        var results = await _index!.SearchAsync(Docs.Query(query, types: type is null ? null : [type], limit: 5), TestContext.Current.CancellationToken);

        var ranked = results.Items.Select(hit => _keys[hit.Id]).ToList();
        Assert.True(ranked.FirstOrDefault() == expected, $"'{query}' ranked {string.Join(", ", ranked)}; expected {expected} first.");
    }
}

public sealed class Lucene_relevance : RelevanceSet
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kh-lucene-relevance-").FullName;

    private protected override Task<ISearchIndex> CreateIndexAsync() =>
        new LuceneIndexStore(_folder, TimeProvider.System, NullLogger<LuceneIndexStore>.Instance).OpenLiveAsync(CancellationToken.None);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}

/// <summary>The same set on Elasticsearch when <c>KNOWLEDGEHUB_TEST_ELASTICSEARCH_URL</c> names a server; skipped otherwise.</summary>
public sealed class Elasticsearch_relevance : RelevanceSet
{
    private readonly LiveElasticsearch _server = new("kh-relevance");

    private protected override Task<ISearchIndex> CreateIndexAsync()
    {
        Requirements.SkipUnlessMet(Requirements.Elasticsearch());
        return _server.Store().OpenLiveAsync(CancellationToken.None);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _server.DeleteIndexesAsync();
    }
}
