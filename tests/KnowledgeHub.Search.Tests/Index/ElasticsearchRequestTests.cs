using System.Text.Json.Nodes;
using KnowledgeHub.Search.Index;
using KnowledgeHub.Search.Index.Elasticsearch;
using Xunit;

namespace KnowledgeHub.Search.Tests.Index;

/// <summary>
/// The requests the official client sends for the adapter, captured beneath it and checked against
/// Elasticsearch 9's documented REST API (create index with settings and mappings, _aliases
/// actions, _bulk NDJSON with external versioning, _search with bool/multi_match/highlight/aggs,
/// _msearch), and how the adapter reads the documented answers, without a server.
/// </summary>
public sealed class Elasticsearch_adapter_requests
{
    private readonly FakeElasticsearch _server = new();
    private readonly ElasticsearchIndexStore _store;

    public Elasticsearch_adapter_requests() => _store = _server.Store("kh-test");

    /// <summary>The client's versioned media type, which Elasticsearch 9 accepts for JSON bodies.</summary>
    private const string CompatibleJson = "application/vnd.elasticsearch+json;compatible-with=9";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_first_start_creates_an_index_with_explicit_mappings_and_points_the_alias_at_it()
    {
        using var index = await _store.OpenLiveAsync(Ct);

        var (lookup, create, alias) = (_server.Requests[0], _server.Requests[1], _server.Requests[2]);
        Assert.Equal(("GET", "/_alias/kh-test"), (lookup.Method, lookup.Path));
        Assert.Equal(("PUT", $"/{index.Name}"), (create.Method, create.Path));
        Assert.StartsWith(CompatibleJson, create.ContentType, StringComparison.Ordinal);
        Assert.StartsWith("kh-test-", index.Name, StringComparison.Ordinal);

        var body = create.Json;
        Assert.Equal("500ms", body["settings"]!["refresh_interval"]!.GetValue<string>());
        var filters = body["settings"]!["analysis"]!["filter"]!;
        Assert.Equal("edge_ngram", filters["word_grams"]!["type"]!.GetValue<string>());
        Assert.Equal(2, filters["word_grams"]!["min_gram"]!.GetValue<int>());
        var mappings = body["mappings"]!;
        Assert.Equal("strict", mappings["dynamic"]!.GetValue<string>());
        var properties = mappings["properties"]!;
        Assert.Equal("english", properties["title"]!["analyzer"]!.GetValue<string>());
        Assert.Equal("word_prefix_search", properties["title"]!["fields"]!["prefix"]!["search_analyzer"]!.GetValue<string>());
        Assert.Equal("keyword", properties["access"]!["type"]!.GetValue<string>());
        Assert.Equal("keyword", properties["tags"]!["type"]!.GetValue<string>());
        Assert.Equal("date", properties["updated_at"]!["type"]!.GetValue<string>());
        Assert.False(properties["url"]!["index"]!.GetValue<bool>());

        Assert.Equal(("POST", "/_aliases"), (alias.Method, alias.Path));
        var add = Assert.Single(alias.Json["actions"]!.AsArray())!["add"]!;
        Assert.Equal((index.Name, "kh-test"), (add["index"]!.GetValue<string>(), add["alias"]!.GetValue<string>()));
    }

    [Fact]
    public async Task An_existing_alias_is_used_as_it_is()
    {
        _server.AliasTarget = "kh-test-20260101000000-abcdef12";

        using var index = await _store.OpenLiveAsync(Ct);

        Assert.Equal("kh-test-20260101000000-abcdef12", index.Name);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Writes_go_as_ndjson_bulk_actions_with_external_versions_and_conflicts_mean_not_applied()
    {
        using var index = await _store.OpenLiveAsync(Ct);
        var fresh = Docs.Make(DocumentTypes.Person, "Ada Lovelace", "Analyst", tags: ["math"], departments: ["IT"], version: 4);
        var stale = Docs.Make(DocumentTypes.Post, "Old post", version: 2);
        _server.Conflicts.Add(stale.Key);

        var applied = await Task.WhenAll(
            index.UpsertAsync(fresh, Ct),
            index.UpsertAsync(stale, Ct),
            index.RemoveAsync(new DocumentRemoval(DocumentTypes.Post, Guid.NewGuid(), 7, Docs.Epoch), Ct));

        Assert.Equal([true, false, true], applied);
        var bulks = _server.Requests.Where(request => request.Path == "/_bulk").ToList();
        Assert.All(bulks, bulk =>
        {
            Assert.Equal("application/x-ndjson", bulk.ContentType);
            Assert.Equal("POST", bulk.Method);
            Assert.EndsWith("\n", bulk.Body, StringComparison.Ordinal);
            Assert.Equal(0, bulk.Lines.Count % 2);
        });
        var lines = bulks.SelectMany(bulk => bulk.Lines).ToList();
        Assert.Equal(6, lines.Count);
        var actions = lines.Where((_, position) => position % 2 == 0).Select(line => line["index"]!).ToList();
        var sources = lines.Where((_, position) => position % 2 == 1).ToList();
        Assert.All(actions, action => Assert.Equal(index.Name, action["_index"]!.GetValue<string>()));
        Assert.Equal(["external", "external", "external_gte"], actions.Select(action => action["version_type"]!.GetValue<string>()));
        Assert.Equal([4L, 2L, 7L], actions.Select(action => action["version"]!.GetValue<long>()));
        Assert.Equal(fresh.Key, actions[0]["_id"]!.GetValue<string>());
        Assert.Equal("Ada Lovelace", sources[0]["title"]!.GetValue<string>());
        Assert.Equal("public", sources[0]["access"]!.GetValue<string>());
        Assert.Equal(["math"], sources[0]["skills"]!.AsArray().Select(skill => skill!.GetValue<string>()));
        Assert.True(sources[2]["removed"]!.GetValue<bool>());
        Assert.Null(sources[2]["access"]);
    }

    [Fact]
    public async Task A_search_sends_boosted_fuzzy_word_clauses_a_phrase_boost_filters_highlight_and_aggregations()
    {
        using var index = await _store.OpenLiveAsync(Ct);
        var community = Guid.NewGuid();
        var id = Guid.NewGuid();
        _server.SearchResponse = SearchAnswer(id);

        var results = await index.SearchAsync(Docs.Query("the kubernets upgrade plan", types: [DocumentTypes.Post], department: "IT", tag: "k8s", communities: [community], offset: 20, limit: 10), Ct);

        var search = _server.Requests.Single(request => request.Path == $"/{index.Name}/_search");
        Assert.Equal("POST", search.Method);
        Assert.StartsWith(CompatibleJson, search.ContentType, StringComparison.Ordinal);
        Assert.Equal("?typed_keys=true", search.Query);
        var body = search.Json;
        Assert.Equal((20, 10, true), (body["from"]!.GetValue<int>(), body["size"]!.GetValue<int>(), body["track_total_hits"]!.GetValue<bool>()));
        var scored = Clause(body["query"]!["bool"]!["must"])["bool"]!;
        var words = Clause(scored["must"])["bool"]!;
        Assert.Equal(2, words["minimum_should_match"]!.GetValue<int>());
        var clauses = Clauses(words["should"]).Select(clause => clause["multi_match"]!).ToList();
        Assert.Equal(["kubernets", "upgrade", "plan"], clauses.Select(clause => clause["query"]!.GetValue<string>()));
        Assert.All(clauses, clause =>
        {
            Assert.Equal("AUTO:4,8", clause["fuzziness"]!.GetValue<string>());
            Assert.Equal(2, clause["prefix_length"]!.GetValue<int>());
            Assert.Contains("title^3", clause["fields"]!.AsArray().Select(field => field!.GetValue<string>()));
        });
        var phrase = Clause(scored["should"])["multi_match"]!;
        Assert.Equal(("phrase", 1), (phrase["type"]!.GetValue<string>(), phrase["slop"]!.GetValue<int>()));

        var filters = body["query"]!["bool"]!["filter"]!.AsArray();
        Assert.Equal(["post"], filters[0]!["terms"]!["type"]!.AsArray().Select(type => type!.GetValue<string>()));
        Assert.Equal("IT", filters[1]!["term"]!["departments"]!["value"]!.GetValue<string>());
        Assert.Equal("k8s", filters[2]!["term"]!["tags"]!["value"]!.GetValue<string>());
        Assert.Equal(["public", community.ToString("D")], filters[3]!["terms"]!["access"]!.AsArray().Select(access => access!.GetValue<string>()));

        Assert.Equal("_score", body["sort"]![0]!.AsObject().Single().Key);
        Assert.Equal("updated_at", body["sort"]![1]!.AsObject().Single().Key);
        var highlight = body["highlight"]!;
        Assert.Equal(("<mark>", "</mark>", "html"), (highlight["pre_tags"]![0]!.GetValue<string>(), highlight["post_tags"]![0]!.GetValue<string>(), highlight["encoder"]!.GetValue<string>()));
        Assert.NotNull(highlight["fields"]!["body"]);
        Assert.Equal("departments", body["aggregations"]!["department"]!["terms"]!["field"]!.GetValue<string>());
        Assert.Equal("tags", body["aggregations"]!["tag"]!["terms"]!["field"]!.GetValue<string>());

        Assert.Equal(31, results.Total);
        var hit = Assert.Single(results.Items);
        Assert.Equal((id, "Kubernetes upgrade", "Plan the <mark>upgrade</mark>", "IT"), (hit.Id, hit.Title, hit.Snippet, hit.Department));
        Assert.Equal(new Dictionary<string, int> { ["post"] = 31 }, results.Facets["type"]);
        Assert.Equal(new Dictionary<string, int> { ["k8s"] = 31 }, results.Facets["tag"]);
    }

    [Theory]
    [InlineData("", "match_all")]
    [InlineData("   ", "match_all")]
    [InlineData("* ? ~ ( ) : \"", "match_none")]
    public async Task A_blank_text_lists_recent_items_and_a_text_without_words_matches_nothing(string text, string expected)
    {
        using var index = await _store.OpenLiveAsync(Ct);

        await index.SearchAsync(Docs.Query(text), Ct);

        var body = _server.Requests.Single(request => request.Path.EndsWith("/_search", StringComparison.Ordinal)).Json;
        Assert.NotNull(Clause(body["query"]!["bool"]!["must"])[expected]);
        Assert.DoesNotContain("query_string", body.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Suggestions_are_one_msearch_of_prefix_titles_and_skill_terms_both_behind_the_permission_filter()
    {
        using var index = await _store.OpenLiveAsync(Ct);
        var community = Guid.NewGuid();
        var person = Guid.NewGuid();
        _server.MultiSearchResponse = new JsonObject
        {
            ["took"] = 3,
            ["responses"] = new JsonArray(
                new JsonObject
                {
                    ["took"] = 2,
                    ["timed_out"] = false,
                    ["_shards"] = FakeElasticsearch.Shards(),
                    ["status"] = 200,
                    ["hits"] = new JsonObject
                    {
                        ["hits"] = new JsonArray(new JsonObject { ["_source"] = new JsonObject { ["type"] = "person", ["id"] = person.ToString(), ["title"] = "Kube Master" } }),
                    },
                },
                new JsonObject
                {
                    ["took"] = 1,
                    ["timed_out"] = false,
                    ["_shards"] = FakeElasticsearch.Shards(),
                    ["status"] = 200,
                    ["hits"] = new JsonObject { ["hits"] = new JsonArray() },
                    ["aggregations"] = new JsonObject
                    {
                        ["sterms#skills"] = new JsonObject { ["buckets"] = new JsonArray(new JsonObject { ["key"] = "kubernetes", ["doc_count"] = 12 }) },
                    },
                }),
        };

        var suggestions = await index.SuggestAsync(new SuggestQuery("kub.", [community], 5), Ct);

        Assert.Equal([new Suggestion("Kube Master", "person", person), new Suggestion("kubernetes", Suggestion.SkillType, null)], suggestions);
        var search = _server.Requests.Single(request => request.Path == $"/{index.Name}/_msearch");
        Assert.Equal("POST", search.Method);
        Assert.EndsWith("\n", search.Body, StringComparison.Ordinal);
        var lines = search.Lines;
        Assert.Equal(4, lines.Count);
        var titles = lines[1];
        Assert.Equal("and", Clause(titles["query"]!["bool"]!["must"])["match"]!["title.prefix"]!["operator"]!.GetValue<string>());
        Assert.Equal(["public", community.ToString("D")], Clause(titles["query"]!["bool"]!["filter"])["terms"]!["access"]!.AsArray().Select(access => access!.GetValue<string>()));
        var skills = lines[3];
        Assert.Equal(0, skills["size"]!.GetValue<int>());
        Assert.Equal("kub.", skills["query"]!["bool"]!["filter"]![0]!["prefix"]!["skills"]!["value"]!.GetValue<string>());
        Assert.NotNull(skills["query"]!["bool"]!["filter"]![1]!["terms"]!["access"]);
        Assert.Equal("kub\\..*", skills["aggregations"]!["skills"]!["terms"]!["include"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_rebuild_fills_an_index_with_refresh_off_then_swaps_the_alias_atomically()
    {
        using var live = await _store.OpenLiveAsync(Ct);
        using var next = await _store.CreateNextAsync(Guid.NewGuid(), Ct);

        await _store.PromoteAsync(next, Ct);
        await _store.DropAsync(live, Ct);

        var create = _server.Requests.Last(request => request.Method == "PUT" && request.Path == $"/{next.Name}");
        Assert.Equal("-1", create.Json["settings"]!["refresh_interval"]!.ToJsonString().Trim('"'));
        var settings = _server.Requests.Single(request => request.Path == $"/{next.Name}/_settings");
        Assert.Equal(("PUT", "500ms"), (settings.Method, settings.Json["refresh_interval"]!.GetValue<string>()));
        Assert.Contains(_server.Requests, request => request.Method == "POST" && request.Path == $"/{next.Name}/_refresh");
        var swap = _server.Requests.Last(request => request.Path == "/_aliases").Json["actions"]!.AsArray();
        Assert.Equal(live.Name, swap[0]!["remove"]!["index"]!.GetValue<string>());
        Assert.Equal(next.Name, swap[1]!["add"]!["index"]!.GetValue<string>());
        Assert.Equal(("DELETE", $"/{live.Name}"), (_server.Requests[^1].Method, _server.Requests[^1].Path));
    }

    /// <summary>A clause the client sends as a one-element array or, as it does for one, as the object itself; Elasticsearch reads both.</summary>
    private static JsonNode Clause(JsonNode? clauses) => Assert.Single(Clauses(clauses));

    private static List<JsonNode> Clauses(JsonNode? clauses) =>
        clauses is JsonArray many ? many.Select(clause => clause!).ToList() : [clauses!];

    private static JsonObject SearchAnswer(Guid id) => new()
    {
        ["took"] = 2,
        ["timed_out"] = false,
        ["_shards"] = FakeElasticsearch.Shards(),
        ["hits"] = new JsonObject
        {
            ["total"] = new JsonObject { ["value"] = 31, ["relation"] = "eq" },
            ["max_score"] = 3.2,
            ["hits"] = new JsonArray(new JsonObject
            {
                ["_index"] = "kh-test-x",
                ["_id"] = $"post:{id}",
                ["_score"] = 3.2,
                ["_source"] = new JsonObject
                {
                    ["type"] = "post",
                    ["id"] = id.ToString(),
                    ["title"] = "Kubernetes upgrade",
                    ["tags"] = new JsonArray("k8s"),
                    ["departments"] = new JsonArray("IT"),
                    ["url"] = $"/posts/{id}",
                    ["updated_at"] = "2026-03-01T10:00:00.000Z",
                },
                ["highlight"] = new JsonObject { ["body"] = new JsonArray("Plan the <mark>upgrade</mark>") },
                ["sort"] = new JsonArray(3.2, 1772359200000),
            }),
        },
        ["aggregations"] = new JsonObject
        {
            ["sterms#type"] = new JsonObject { ["buckets"] = new JsonArray(new JsonObject { ["key"] = "post", ["doc_count"] = 31 }) },
            ["sterms#department"] = new JsonObject { ["buckets"] = new JsonArray(new JsonObject { ["key"] = "IT", ["doc_count"] = 31 }) },
            ["sterms#tag"] = new JsonObject { ["buckets"] = new JsonArray(new JsonObject { ["key"] = "k8s", ["doc_count"] = 31 }) },
        },
    };
}
