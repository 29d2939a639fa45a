using System.Net;
using KnowledgeHub.Contracts.Communities;
using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.Search.Tests;

public abstract class SearchSliceTests(SearchFixture fixture)
{
    private HttpClient Reader() => fixture.Host.CreateClient(TestUser.Employee("reader"));

    [Fact]
    public async Task Events_become_searchable_with_typos_tolerated_and_matches_marked()
    {
        var marker = SearchApi.Marker();
        var person = Guid.NewGuid();
        await fixture.Host.PublishAsync(TestEvents.Person(person, $"Lin {marker}", ["kubernetes"], bio: "Runs Kubernetes clusters"));
        var reader = Reader();

        await reader.UntilIdsAsync($"q={marker}+kubernets", person);

        var hit = (await reader.SearchAsync($"q={marker}+kubernets"))["items"]![0]!;
        Assert.Contains("<mark>Kubernetes</mark>", hit["snippet"]!.GetValue<string>());
        Assert.Equal(("person", $"/people/{person}", "IT"), (hit["type"]!.GetValue<string>(), hit["url"]!.GetValue<string>(), hit["department"]!.GetValue<string>()));
        Assert.Equal(["kubernetes"], hit["tags"]!.AsArray().Select(tag => tag!.GetValue<string>()));
    }

    [Fact]
    public async Task A_closed_pilots_lessons_learned_are_searchable()
    {
        var marker = SearchApi.Marker("zp");
        var pilot = Guid.NewGuid();
        await fixture.Host.PublishAsync(TestEvents.Project(pilot, "Drone pilot") with { Status = "cancelled", LessonsLearned = $"Batteries {marker} die in the cold" });

        await Reader().UntilIdsAsync($"q={marker}", pilot);
    }

    [Fact]
    public async Task A_co_owned_objective_is_found_under_every_owning_department()
    {
        var marker = SearchApi.Marker("zo");
        var objective = Guid.NewGuid();
        await fixture.Host.PublishAsync(TestEvents.Objective(objective, $"Shared {marker} goal") with { OwnerDepartments = ["FIN", "HR"] });

        await Reader().UntilIdsAsync($"q={marker}&department=HR", objective);
    }

    [Fact]
    public async Task A_non_member_never_sees_a_closed_communitys_post_in_results_facets_or_suggestions()
    {
        var marker = SearchApi.Marker("zc");
        var member = TestUser.Employee("member");
        var outsider = TestUser.Employee("outsider");
        var community = Guid.NewGuid();
        var secret = Guid.NewGuid();
        var open = Guid.NewGuid();
        await fixture.Host.PublishAsync(TestEvents.Membership(community, member.Id));
        await fixture.Host.PublishAsync(TestEvents.Published(secret, community, $"Secret {marker} roadmap", visibility: "closed", tags: [$"hidden-{marker}"]));
        await fixture.Host.PublishAsync(TestEvents.Published(open, Guid.NewGuid(), $"Open {marker} roadmap", tags: ["visible"]));
        var memberClient = fixture.Host.CreateClient(member);
        var outsiderClient = fixture.Host.CreateClient(outsider);

        await memberClient.UntilIdsAsync($"q={marker}", secret, open);
        var seenByOutsider = await outsiderClient.SearchAsync($"q={marker}");
        var taggedForOutsider = await outsiderClient.SearchAsync($"tag=hidden-{marker}");
        var suggestedToOutsider = await outsiderClient.SuggestAsync($"q={marker}");
        var suggestedToMember = await memberClient.SuggestAsync($"q={marker}");

        Assert.Equal([open.ToString()], SearchApi.Ids(seenByOutsider));
        Assert.Equal(1, seenByOutsider["total"]!.GetValue<int>());
        Assert.Equal(1, seenByOutsider["facets"]!["type"]!["post"]!.GetValue<int>());
        Assert.Null(seenByOutsider["facets"]!["tag"]![$"hidden-{marker}"]);
        Assert.Equal(0, taggedForOutsider["total"]!.GetValue<int>());
        Assert.DoesNotContain(suggestedToOutsider, suggestion => suggestion!["id"]?.GetValue<string>() == secret.ToString());
        Assert.Contains(suggestedToMember, suggestion => suggestion!["id"]?.GetValue<string>() == secret.ToString());
        Assert.Equal(1, (await memberClient.SearchAsync($"q={marker}"))["facets"]!["tag"]![$"hidden-{marker}"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_member_who_leaves_no_longer_finds_the_closed_communitys_posts()
    {
        var marker = SearchApi.Marker("zl");
        var member = TestUser.Employee("leaver");
        var community = Guid.NewGuid();
        var secret = Guid.NewGuid();
        await fixture.Host.PublishAsync(TestEvents.Membership(community, member.Id));
        await fixture.Host.PublishAsync(TestEvents.Published(secret, community, $"Inner {marker}", visibility: "closed"));
        var client = fixture.Host.CreateClient(member);
        await client.UntilIdsAsync($"q={marker}", secret);

        await fixture.Host.PublishAsync(TestEvents.Membership(community, member.Id, "left", version: 2));

        await client.UntilIdsAsync($"q={marker}");
    }

    [Fact]
    public async Task An_edited_post_replaces_the_old_text_and_a_late_older_event_changes_nothing()
    {
        var marker = SearchApi.Marker("ze");
        var post = Guid.NewGuid();
        var community = Guid.NewGuid();
        var reader = Reader();
        await fixture.Host.PublishAsync(TestEvents.Updated(post, community, $"Rewritten {marker} guide", version: 2));
        await reader.UntilIdsAsync($"q=rewritten+{marker}", post);

        await fixture.Host.PublishAndWaitAsync(TestEvents.Published(post, community, $"Draft {marker} guide", version: 1));
        await fixture.Host.RefreshIndexAsync();

        Assert.Empty(await reader.IdsAsync($"q=draft+{marker}"));
        Assert.Equal("Rewritten " + marker + " guide", (await reader.SearchAsync($"q={marker}&type=post"))["items"]![0]!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_post_whose_community_closes_disappears_for_outsiders()
    {
        var marker = SearchApi.Marker("zv");
        var post = Guid.NewGuid();
        var community = Guid.NewGuid();
        var reader = Reader();
        await fixture.Host.PublishAsync(TestEvents.Published(post, community, $"Once open {marker}"));
        await reader.UntilIdsAsync($"q={marker}", post);

        await fixture.Host.PublishAsync(TestEvents.Updated(post, community, $"Once open {marker}", visibility: "closed"));

        await reader.UntilIdsAsync($"q={marker}");
    }

    [Fact]
    public async Task A_removed_post_disappears_and_a_late_update_does_not_bring_it_back()
    {
        var marker = SearchApi.Marker("zr");
        var post = Guid.NewGuid();
        var community = Guid.NewGuid();
        var reader = Reader();
        await fixture.Host.PublishAsync(TestEvents.Published(post, community, $"Doomed {marker}"));
        await reader.UntilIdsAsync($"q={marker}", post);

        await fixture.Host.PublishAsync(new PostRemoved(post, community, Guid.NewGuid(), 3, DateTimeOffset.UtcNow));
        await reader.UntilIdsAsync($"q={marker}");
        await fixture.Host.PublishAndWaitAsync(TestEvents.Updated(post, community, $"Doomed {marker}", version: 2));
        await fixture.Host.RefreshIndexAsync();

        Assert.Empty(await reader.IdsAsync($"q={marker}"));
    }

    [Fact]
    public async Task Objectives_and_projects_are_found_faceted_and_filtered_by_type_department_and_tag()
    {
        var marker = SearchApi.Marker("zo");
        var objective = Guid.NewGuid();
        var project = Guid.NewGuid();
        var reader = Reader();
        await fixture.Host.PublishAsync(TestEvents.Objective(objective, $"Cut {marker} costs", "FIN"));
        await fixture.Host.PublishAsync(TestEvents.Project(project, $"Automate {marker} billing", "IT", ["FIN"], ["automation"]));
        await reader.UntilIdsAsync($"q={marker}", objective, project);

        var all = await reader.SearchAsync($"q={marker}");
        Assert.Equal(1, all["facets"]!["type"]!["objective"]!.GetValue<int>());
        Assert.Equal(2, all["facets"]!["department"]!["FIN"]!.GetValue<int>());
        Assert.Equal(1, all["facets"]!["tag"]!["2026-h2"]!.GetValue<int>());
        Assert.Equal([objective.ToString()], await reader.IdsAsync($"q={marker}&type=objective"));
        Assert.Equal([project.ToString()], await reader.IdsAsync($"q={marker}&department=it"));
        Assert.Equal([project.ToString()], await reader.IdsAsync($"q={marker}&tag=Automation"));
        Assert.Equal(2, (await reader.IdsAsync($"q={marker}&type=objective,project")).Count);
        Assert.Equal($"/objectives/{objective}", (await reader.SearchAsync($"q={marker}&type=objective"))["items"]![0]!["url"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_cursor_walks_every_result_once()
    {
        var marker = SearchApi.Marker("zp");
        var projects = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToList();
        foreach (var (id, number) in projects.Select((id, number) => (id, number)))
        {
            await fixture.Host.PublishAsync(TestEvents.Project(id, $"Pager {marker} {number}"));
        }

        var reader = Reader();
        await reader.UntilIdsAsync($"q={marker}", [.. projects]);

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await reader.SearchAsync($"q={marker}&limit=2" + (cursor is null ? "" : $"&cursor={cursor}"));
            Assert.Equal(5, page["total"]!.GetValue<int>());
            seen.AddRange(SearchApi.Ids(page));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);

        Assert.Equal(projects.Select(id => id.ToString()).Order(), seen.Order());
    }

    [Fact]
    public async Task Suggestions_complete_names_titles_and_skills_after_two_characters()
    {
        var marker = SearchApi.Marker("zg");
        var person = Guid.NewGuid();
        var community = Guid.NewGuid();
        await fixture.Host.PublishAsync(TestEvents.Person(person, $"Grace {marker}", [$"{marker}-compilers"]));
        await fixture.Host.PublishAsync(TestEvents.Community(community, $"{marker} compiler circle"));
        var reader = Reader();

        await Eventually.AssertAsync(async () => (await reader.SuggestAsync($"q={marker[..6]}")).Count >= 3, SearchApi.Deadline, "three suggestions");
        var suggestions = await reader.SuggestAsync($"q={marker[..6]}");
        var oneCharacter = await reader.SuggestAsync("q=z");
        var limited = await reader.SuggestAsync($"q={marker[..6]}&limit=1");

        Assert.Contains(suggestions, item => item!["type"]!.GetValue<string>() == "person" && item["id"]!.GetValue<string>() == person.ToString() && item["text"]!.GetValue<string>() == $"Grace {marker}");
        Assert.Contains(suggestions, item => item!["type"]!.GetValue<string>() == "community" && item["id"]!.GetValue<string>() == community.ToString());
        Assert.Contains(suggestions, item => item!["type"]!.GetValue<string>() == "skill" && item["text"]!.GetValue<string>() == $"{marker}-compilers" && item["id"] is null);
        Assert.Empty(oneCharacter);
        Assert.Single(limited);
    }

    [Theory]
    [InlineData("/api/search?type=planet", "type")]
    [InlineData("/api/search?type=person,", null)]
    [InlineData("/api/search?limit=101", "limit")]
    [InlineData("/api/search?limit=0", "limit")]
    [InlineData("/api/search?cursor=not-a-cursor", "cursor")]
    [InlineData("/api/search?cursor=WyJ4Il0", "cursor")]
    [InlineData("/api/search?limit=many", "limit")]
    [InlineData("/api/search/suggest?q=ab&limit=101", "limit")]
    [InlineData("/api/search/suggest?q=ab&limit=0", "limit")]
    public async Task Bad_parameters_answer_400_naming_the_field(string url, string? field)
    {
        using var response = await Reader().GetAsync(url);

        if (field is null)
        {
            await response.EnsureStatusAsync(HttpStatusCode.OK);
            return;
        }

        await response.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.NotNull((await response.ReadJsonAsync())["errors"]![field]);
    }

    [Fact]
    public async Task Queries_of_500_characters_and_of_syntax_characters_are_answered_and_501_are_refused()
    {
        var reader = Reader();
        var fiveHundred = new string('k', 250) + " " + new string('u', 249);
        var tooLong = new string('x', 501);

        foreach (var q in new[] { fiveHundred, "\"kubernetes", "a:b", "*", "?x", "x~2", "(a OR b", "*ernetes", "\\", "%", "title:*" })
        {
            using var search = await reader.GetAsync($"/api/search?q={Uri.EscapeDataString(q)}");
            using var suggest = await reader.GetAsync($"/api/search/suggest?q={Uri.EscapeDataString(q)}");
            await search.EnsureStatusAsync(HttpStatusCode.OK);
            await suggest.EnsureStatusAsync(HttpStatusCode.OK);
        }

        Assert.Equal(0, (await reader.SearchAsync("q=*"))["total"]!.GetValue<int>());
        using var refused = await reader.GetAsync($"/api/search?q={tooLong}");
        await refused.EnsureStatusAsync(HttpStatusCode.BadRequest);
        using var refusedSuggest = await reader.GetAsync($"/api/search/suggest?q={tooLong}");
        await refusedSuggest.EnsureStatusAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_empty_query_lists_recent_items_newest_first()
    {
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        var reader = Reader();
        await fixture.Host.PublishAsync(TestEvents.Project(first, $"Recent {SearchApi.Marker()}"));
        await Eventually.AssertAsync(async () => (await reader.IdsAsync("limit=100")).Contains(first.ToString()), SearchApi.Deadline, "the first project");
        await fixture.Host.PublishAsync(TestEvents.Project(second, $"Recent {SearchApi.Marker()}"));

        await Eventually.AssertAsync(async () => (await reader.IdsAsync("q=&limit=2")).SequenceEqual([second.ToString(), first.ToString()]), SearchApi.Deadline, "the newest two, newest first");
    }
}

public sealed class Search_on_Sqlite(SqliteSearch fixture) : SearchSliceTests(fixture), IClassFixture<SqliteSearch>;

public sealed class Search_on_Postgres(PostgresSearch fixture) : SearchSliceTests(fixture), IClassFixture<PostgresSearch>;
