using KnowledgeHub.Search.Index;
using Xunit;

namespace KnowledgeHub.Search.Tests.Index;

/// <summary>
/// What every <see cref="ISearchIndex"/> adapter must do, run against each one: versioned writes,
/// tombstones, relevance rules, typo tolerance, permissions inside the query, facets, filters,
/// paging, snippets, suggestions and generations.
/// </summary>
public abstract class SearchIndexContract : IAsyncLifetime
{
    private readonly List<ISearchIndex> _indexes = [];
    private ISearchIndexStore? _store;

    private protected ISearchIndex Index { get; private set; } = null!;

    /// <summary>A store of index generations of its own, or a skip when the adapter cannot run here.</summary>
    private protected abstract Task<ISearchIndexStore> CreateStoreAsync();

    private protected virtual Task DisposeStoreAsync(ISearchIndexStore store) => Task.CompletedTask;

    public virtual ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var index in _indexes)
        {
            index.Dispose();
        }

        if (_store is not null)
        {
            await DisposeStoreAsync(_store);
        }

        GC.SuppressFinalize(this);
    }

    private async Task<ISearchIndex> OpenAsync()
    {
        _store ??= await CreateStoreAsync();
        Index = await _store.OpenLiveAsync(Ct);
        _indexes.Add(Index);
        return Index;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task IndexAsync(params SearchDocument[] documents)
    {
        if (_store is null)
        {
            await OpenAsync();
        }

        foreach (var document in documents)
        {
            Assert.True(await Index.UpsertAsync(document, Ct));
        }

        await Index.RefreshAsync(Ct);
    }

    private async Task<SearchResults> SearchAsync(SearchQuery query) => await Index.SearchAsync(query, Ct);

    private static List<Guid> Ids(SearchResults results) => results.Items.Select(hit => hit.Id).ToList();

    [Fact]
    public async Task An_upsert_is_found_by_stemmed_words_of_title_and_body()
    {
        var doc = Docs.Make(DocumentTypes.Post, "Deploying services", "We were running three clusters");
        await IndexAsync(doc);

        Assert.Equal([doc.Id], Ids(await SearchAsync(Docs.Query("deploy"))));
        Assert.Equal([doc.Id], Ids(await SearchAsync(Docs.Query("cluster runs"))));
    }

    [Fact]
    public async Task Typos_are_tolerated()
    {
        var doc = Docs.Make(DocumentTypes.Community, "Container orchestration guild", "Running Kubernetes for everyone");
        await IndexAsync(doc);

        Assert.Equal([doc.Id], Ids(await SearchAsync(Docs.Query("kubernets"))));
        Assert.Equal([doc.Id], Ids(await SearchAsync(Docs.Query("orchestraton"))));
    }

    [Fact]
    public async Task A_title_match_ranks_above_a_body_match()
    {
        var inBody = Docs.Make(DocumentTypes.Post, "Weekly notes", "Notes about terraform modules and more", updatedAt: Docs.Epoch.AddDays(1));
        var inTitle = Docs.Make(DocumentTypes.Post, "Terraform modules", "Weekly notes and more");
        await IndexAsync(inBody, inTitle);

        Assert.Equal([inTitle.Id, inBody.Id], Ids(await SearchAsync(Docs.Query("terraform"))));
    }

    [Fact]
    public async Task A_phrase_match_ranks_above_scattered_words()
    {
        var scattered = Docs.Make(DocumentTypes.Post, "Data notes", "The lake house is by the data center", updatedAt: Docs.Epoch.AddDays(1));
        var phrase = Docs.Make(DocumentTypes.Post, "Data notes", "Our data lake is in the center house");
        await IndexAsync(scattered, phrase);

        Assert.Equal(phrase.Id, Ids(await SearchAsync(Docs.Query("data lake")))[0]);
    }

    [Fact]
    public async Task Fresher_content_comes_first_on_equal_scores()
    {
        var older = Docs.Make(DocumentTypes.Project, "Billing migration", updatedAt: Docs.Epoch);
        var newer = Docs.Make(DocumentTypes.Project, "Billing migration", updatedAt: Docs.Epoch.AddDays(3));
        await IndexAsync(older, newer);

        Assert.Equal([newer.Id, older.Id], Ids(await SearchAsync(Docs.Query("billing"))));
    }

    [Fact]
    public async Task An_older_version_never_overwrites_a_newer_one()
    {
        var id = Guid.NewGuid();
        await IndexAsync(Docs.Make(DocumentTypes.Project, "Zephyr two", id: id, version: 2));

        Assert.False(await Index.UpsertAsync(Docs.Make(DocumentTypes.Project, "Zephyr one", id: id, version: 1), Ct));
        Assert.False(await Index.UpsertAsync(Docs.Make(DocumentTypes.Project, "Zephyr again", id: id, version: 2), Ct));
        await Index.RefreshAsync(Ct);

        var found = await SearchAsync(Docs.Query("zephyr"));
        Assert.Equal("Zephyr two", Assert.Single(found.Items).Title);
    }

    [Fact]
    public async Task A_removal_removes_and_a_late_older_upsert_does_not_bring_it_back()
    {
        var id = Guid.NewGuid();
        await IndexAsync(Docs.Make(DocumentTypes.Post, "Quokka handbook", id: id, version: 2));

        Assert.True(await Index.RemoveAsync(new DocumentRemoval(DocumentTypes.Post, id, 3, Docs.Epoch), Ct));
        Assert.False(await Index.UpsertAsync(Docs.Make(DocumentTypes.Post, "Quokka handbook", id: id, version: 2), Ct));
        Assert.False(await Index.UpsertAsync(Docs.Make(DocumentTypes.Post, "Quokka handbook", id: id, version: 3), Ct));
        await Index.RefreshAsync(Ct);

        var found = await SearchAsync(Docs.Query("quokka"));
        Assert.Equal(0, found.Total);
        Assert.Empty(found.Facets["type"]);
        Assert.Empty(await Index.SuggestAsync(new SuggestQuery("quok", [], 10), Ct));
        Assert.DoesNotContain(id, Ids(await SearchAsync(Docs.Query(null))));
    }

    [Fact]
    public async Task A_removal_of_an_unknown_document_keeps_it_from_arriving_late()
    {
        await OpenAsync();
        var id = Guid.NewGuid();

        Assert.True(await Index.RemoveAsync(new DocumentRemoval(DocumentTypes.Post, id, 2, Docs.Epoch), Ct));
        Assert.False(await Index.UpsertAsync(Docs.Make(DocumentTypes.Post, "Wombat notes", id: id, version: 1), Ct));
        Assert.False(await Index.RemoveAsync(new DocumentRemoval(DocumentTypes.Post, id, 1, Docs.Epoch), Ct));
        await Index.RefreshAsync(Ct);

        Assert.Equal(0, (await SearchAsync(Docs.Query("wombat"))).Total);
    }

    [Fact]
    public async Task A_closed_communitys_documents_are_seen_only_with_that_community_in_totals_facets_and_suggestions()
    {
        var closed = Guid.NewGuid();
        var open = Docs.Make(DocumentTypes.Post, "Budget review open", tags: ["finance"], departments: ["FIN"]);
        var secret = Docs.Make(DocumentTypes.Post, "Budget review secret", tags: ["secret-plans"], departments: ["HR"], restrictedTo: closed);
        await IndexAsync(open, secret);

        var outsider = await SearchAsync(Docs.Query("budget", communities: [Guid.NewGuid()]));
        var member = await SearchAsync(Docs.Query("budget", communities: [closed]));

        Assert.Equal([open.Id], Ids(outsider));
        Assert.Equal(1, outsider.Total);
        Assert.False(outsider.Facets["tag"].ContainsKey("secret-plans"));
        Assert.False(outsider.Facets["department"].ContainsKey("HR"));
        Assert.Equal(2, member.Total);
        Assert.Equal(1, member.Facets["tag"]["secret-plans"]);
        Assert.Equal(0, (await SearchAsync(Docs.Query("secret"))).Total);
        Assert.Equal(0, (await SearchAsync(Docs.Query(null, tag: "secret-plans"))).Total);
        Assert.DoesNotContain(await Index.SuggestAsync(new SuggestQuery("budget rev", [], 10), Ct), suggestion => suggestion.Id == secret.Id);
        Assert.Contains(await Index.SuggestAsync(new SuggestQuery("budget rev", [closed], 10), Ct), suggestion => suggestion.Id == secret.Id);
    }

    [Fact]
    public async Task Facets_count_every_match_and_filters_narrow_by_type_department_and_tag()
    {
        await IndexAsync(
            Docs.Make(DocumentTypes.Person, "Ada Platform", tags: ["kubernetes", "go"], departments: ["IT"]),
            Docs.Make(DocumentTypes.Project, "Platform upgrade", tags: ["kubernetes"], departments: ["IT", "FIN"]),
            Docs.Make(DocumentTypes.Post, "Platform runbook", tags: ["runbook"], departments: ["OPS"]),
            Docs.Make(DocumentTypes.Objective, "Platform reliability", tags: ["2026-h2"], departments: ["IT"]));

        var all = await SearchAsync(Docs.Query("platform", limit: 1));
        Assert.Equal(4, all.Total);
        Assert.Single(all.Items);
        Assert.Equal(new Dictionary<string, int> { ["objective"] = 1, ["person"] = 1, ["post"] = 1, ["project"] = 1 }, all.Facets["type"]);
        Assert.Equal(new Dictionary<string, int> { ["IT"] = 3, ["FIN"] = 1, ["OPS"] = 1 }, all.Facets["department"]);
        Assert.Equal(2, all.Facets["tag"]["kubernetes"]);

        Assert.Equal(2, (await SearchAsync(Docs.Query("platform", types: [DocumentTypes.Person, DocumentTypes.Project]))).Total);
        Assert.Equal(1, (await SearchAsync(Docs.Query("platform", department: "FIN"))).Total);
        var tagged = await SearchAsync(Docs.Query(null, tag: "kubernetes", department: "IT", types: [DocumentTypes.Project]));
        Assert.Equal("Platform upgrade", Assert.Single(tagged.Items).Title);
    }

    [Fact]
    public async Task Pages_follow_each_other_without_gaps_or_repeats()
    {
        var documents = Enumerable.Range(0, 7)
            .Select(day => Docs.Make(DocumentTypes.Post, $"Retro number {day}", updatedAt: Docs.Epoch.AddDays(day)))
            .ToArray();
        await IndexAsync(documents);

        var first = await SearchAsync(Docs.Query("retro", limit: 3));
        var second = await SearchAsync(Docs.Query("retro", offset: 3, limit: 3));
        var third = await SearchAsync(Docs.Query("retro", offset: 6, limit: 3));

        Assert.All([first, second, third], page => Assert.Equal(7, page.Total));
        var seen = Ids(first).Concat(Ids(second)).Concat(Ids(third)).ToList();
        Assert.Equal(documents.Select(document => document.Id).OrderBy(id => id), seen.OrderBy(id => id));
    }

    [Fact]
    public async Task Snippets_mark_matches_and_encode_everything_else()
    {
        await IndexAsync(Docs.Make(DocumentTypes.Post, "Release notes", "Use <script> carefully: our Kubernetes clusters & more"));

        var hit = Assert.Single((await SearchAsync(Docs.Query("kubernetes"))).Items);

        Assert.Contains("<mark>Kubernetes</mark>", hit.Snippet);
        Assert.Contains("&lt;script&gt;", hit.Snippet);
        Assert.DoesNotContain("<script>", hit.Snippet);
    }

    [Fact]
    public async Task An_empty_query_lists_the_most_recently_updated_first()
    {
        var older = Docs.Make(DocumentTypes.Community, "Older circle", updatedAt: Docs.Epoch);
        var newer = Docs.Make(DocumentTypes.Community, "Newer circle", updatedAt: Docs.Epoch.AddHours(1));
        await IndexAsync(older, newer);

        Assert.Equal([newer.Id, older.Id], Ids(await SearchAsync(Docs.Query(null))));
    }

    /// <summary>
    /// The empty box without filters may be answered from summaries kept per part of the index (the
    /// embedded adapter does): it must list and count what the same listing through a filter on every
    /// type does, for outsiders and members, after updates and removals, on the first page and past the hundredth document.
    /// </summary>
    [Fact]
    public async Task The_empty_box_lists_and_counts_what_a_filter_on_every_type_does_after_updates_and_removals()
    {
        var closed = Guid.NewGuid();
        var documents = Enumerable.Range(0, 300)
            .Select(number => Docs.Make(
                DocumentTypes.All[number % DocumentTypes.All.Count],
                $"Item {number}",
                tags: [$"tag-{number % 7}", $"label-{number % 11}"],
                departments: [number % 3 == 0 ? "IT" : "FIN"],
                restrictedTo: number % 10 == 2 ? closed : null,
                updatedAt: Docs.Epoch.AddMinutes(number)))
            .ToArray();
        // In three writes, so that the embedded index holds several segments.
        await IndexAsync(documents[..100]);
        await IndexAsync(documents[100..200]);
        await IndexAsync(documents[200..]);
        var updated = documents[10] with { Title = "Item 10 again", Version = 2, UpdatedAt = Docs.Epoch.AddDays(1) };
        Assert.True(await Index.UpsertAsync(updated, Ct));
        foreach (var removed in new[] { documents[299], documents[150], documents[40] })
        {
            Assert.True(await Index.RemoveAsync(new DocumentRemoval(removed.Type, removed.Id, 2, Docs.Epoch), Ct));
        }

        await Index.RefreshAsync(Ct);

        foreach (var (viewer, expectedTotal) in new[] { (Array.Empty<Guid>(), 300 - 30 - 3), ([closed], 300 - 3) })
        {
            var first = await SearchAsync(Docs.Query(null, communities: viewer));
            Assert.Equal(expectedTotal, first.Total);
            Assert.Equal(updated.Id, first.Items[0].Id);
            Assert.Equal(documents[298].Id, first.Items[1].Id);
            Assert.Equal(expectedTotal, first.Facets["type"].Values.Sum());
            Assert.Equal(expectedTotal, first.Facets["department"].Values.Sum());
            foreach (var offset in new[] { 0, 85, 100, 280 })
            {
                var unfiltered = await SearchAsync(Docs.Query(null, communities: viewer, offset: offset));
                var everyType = await SearchAsync(Docs.Query(null, types: [.. DocumentTypes.All], communities: viewer, offset: offset));
                Assert.Equal(everyType.Total, unfiltered.Total);
                Assert.Equal(Ids(everyType), Ids(unfiltered));
                Assert.All(["type", "department", "tag"], facet => Assert.Equal(everyType.Facets[facet], unfiltered.Facets[facet]));
            }
        }
    }

    /// <summary>Nothing is parsed: "*" matches nothing rather than everything, "*ernetes" is the word "ernetes".</summary>
    [Theory]
    [InlineData("\"kubernetes", 1)]
    [InlineData("\"unbalanced", 0)]
    [InlineData("title:secret", 0)]
    [InlineData("*", 0)]
    [InlineData("*ernetes", 0)]
    [InlineData("?ubernetes", 0)]
    [InlineData("kubernetes~", 1)]
    [InlineData("(kubernetes)", 1)]
    [InlineData("kubernetes AND (secret OR \"x", 1)]
    [InlineData("\\ / [ ] { } ^ ! && ||", 0)]
    public async Task Query_syntax_characters_are_plain_text(string text, int expected)
    {
        await IndexAsync(Docs.Make(DocumentTypes.Post, "Kubernetes title", "secret body"));

        var results = await SearchAsync(Docs.Query(text));
        var suggestions = await Index.SuggestAsync(new SuggestQuery(text, [], 10), Ct);

        Assert.Equal(expected, results.Total);
        Assert.True(suggestions.Count <= expected);
    }

    [Fact]
    public async Task A_query_of_five_hundred_characters_is_answered()
    {
        await IndexAsync(Docs.Make(DocumentTypes.Post, "Observability guide", "tracing metrics logs"));

        var text = string.Join(' ', Enumerable.Repeat("observability tracing metricz", 20))[..500];
        var results = await SearchAsync(Docs.Query(text));

        Assert.Equal(1, results.Total);
    }

    [Fact]
    public async Task Suggestions_complete_titles_names_and_skills_from_two_characters()
    {
        var person = Docs.Make(DocumentTypes.Person, "Grace Hopper", tags: ["cobol", "compilers"]);
        var colleague = Docs.Make(DocumentTypes.Person, "Linus Compton", tags: ["compilers"]);
        var community = Docs.Make(DocumentTypes.Community, "Compiler construction circle");
        await IndexAsync(person, colleague, community);

        var byName = await Index.SuggestAsync(new SuggestQuery("gra", [], 10), Ct);
        var byLaterWord = await Index.SuggestAsync(new SuggestQuery("hop", [], 10), Ct);
        var byTwoWords = await Index.SuggestAsync(new SuggestQuery("compiler cons", [], 10), Ct);
        var withSkills = await Index.SuggestAsync(new SuggestQuery("comp", [], 10), Ct);

        Assert.Equal(new Suggestion("Grace Hopper", DocumentTypes.Person, person.Id), Assert.Single(byName));
        Assert.Equal(person.Id, Assert.Single(byLaterWord).Id);
        Assert.Equal(community.Id, Assert.Single(byTwoWords).Id);
        Assert.Contains(new Suggestion("compilers", Suggestion.SkillType, null), withSkills);
        Assert.Contains(withSkills, suggestion => suggestion.Id == community.Id);
        Assert.Contains(withSkills, suggestion => suggestion.Id == colleague.Id);
        Assert.True((await Index.SuggestAsync(new SuggestQuery("comp", [], 1), Ct)).Count == 1);
    }

    [Fact]
    public async Task A_skill_nobody_has_any_more_is_not_suggested()
    {
        var id = Guid.NewGuid();
        await IndexAsync(Docs.Make(DocumentTypes.Person, "Mary Jackson", tags: ["fortran"], id: id));
        await IndexAsync(Docs.Make(DocumentTypes.Person, "Mary Jackson", tags: ["aerodynamics"], id: id, version: 2));

        var suggestions = await Index.SuggestAsync(new SuggestQuery("fort", [], 10), Ct);

        Assert.DoesNotContain(suggestions, suggestion => suggestion.Type == Suggestion.SkillType);
    }

    [Fact]
    public async Task A_promoted_generation_is_live_for_the_next_opener_and_the_old_one_can_be_dropped()
    {
        await IndexAsync(Docs.Make(DocumentTypes.Project, "Old generation project"));
        var old = Index;
        var next = await _store!.CreateNextAsync(Guid.NewGuid(), Ct);
        _indexes.Add(next);
        await next.UpsertAsync(Docs.Make(DocumentTypes.Project, "New generation project"), Ct);

        await _store.PromoteAsync(next, Ct);
        old.Dispose();
        await _store.DropAsync(old, Ct);
        _indexes.Remove(old);
        next.Dispose();
        _indexes.Remove(next);
        var reopened = await OpenAsync();

        var found = await reopened.SearchAsync(Docs.Query("generation"), Ct);
        Assert.Equal("New generation project", Assert.Single(found.Items).Title);
    }
}
