using KnowledgeHub.Contracts.Communities;
using KnowledgeHub.Contracts.Expertise;
using KnowledgeHub.Testing;
using Xunit;
using static KnowledgeHub.Partnerships.Tests.Events;

namespace KnowledgeHub.Partnerships.Tests;

/// <summary>The figures follow each event as it arrives, in whatever order the events come.</summary>
public abstract class IncrementalTests(PartnershipsFixture fixture)
{
    [Fact]
    public async Task Help_recorded_before_the_profiles_arrive_counts_once_they_do_and_hiding_and_showing_it_follows()
    {
        var (giver, asker) = (TestUser.Employee("giver", "LAB"), TestUser.Employee("asker", "LAW"));
        var (community, answer) = (Guid.NewGuid(), Guid.NewGuid());
        var executive = fixture.Host.CreateClient(TestUser.Executive());
        var url = "/api/partnerships/matrix?from=2026-01-01&to=2026-12-31";

        await fixture.Host.PublishAndWaitAsync(
            Answer(answer, Guid.NewGuid(), community, "open", giver, asker, "Which lab for contract tests?", "2026-02-01"),
            Accepted(answer, Guid.NewGuid(), community, giver, asker, "Which lab for contract tests?", "2026-02-02"));
        Assert.DoesNotContain(Pairs(await executive.GetJsonAsync(url)), pair => pair.StartsWith("LAB-LAW", StringComparison.Ordinal));

        await fixture.Host.PublishAndWaitAsync(Profile(giver, "LAB", 1, "2026-03-01"), Profile(asker, "LAW", 1, "2026-03-01"));
        Assert.Contains("LAB-LAW 3 0", Pairs(await executive.GetJsonAsync(url)));

        await fixture.Host.PublishAndWaitAsync(new EvidenceVisibilityChanged(giver.Id, $"answer:{answer}", true, At("2026-03-02")));
        Assert.DoesNotContain(Pairs(await executive.GetJsonAsync(url)), pair => pair.StartsWith("LAB-LAW", StringComparison.Ordinal));

        // An older change arriving late changes nothing; a newer one shows the answer again.
        await fixture.Host.PublishAndWaitAsync(new EvidenceVisibilityChanged(giver.Id, $"answer:{answer}", false, At("2026-03-01")));
        Assert.DoesNotContain(Pairs(await executive.GetJsonAsync(url)), pair => pair.StartsWith("LAB-LAW", StringComparison.Ordinal));
        await fixture.Host.PublishAndWaitAsync(new EvidenceVisibilityChanged(giver.Id, $"answer:{answer}", false, At("2026-03-03")));
        Assert.Contains("LAB-LAW 3 0", Pairs(await executive.GetJsonAsync(url)));

        // Closing the community takes its answers out; the same change again changes nothing more.
        var closing = new CommunityChanged(community, "lab", "Lab", "", [], "closed", 2, At("2026-01-01"), At("2026-04-01"));
        await fixture.Host.PublishAndWaitAsync(closing);
        await fixture.Host.PublishAndWaitAsync(closing);
        Assert.DoesNotContain(Pairs(await executive.GetJsonAsync(url)), pair => pair.StartsWith("LAB-LAW", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_person_the_directory_deactivates_is_named_as_a_spanner_no_more_while_their_help_still_counts()
    {
        var (giver, asker) = (TestUser.Employee("leaving giver", "DEA"), TestUser.Employee("asker", "DEB"));
        var answer = Guid.NewGuid();
        var executive = fixture.Host.CreateClient(TestUser.Executive());
        await fixture.Host.PublishAndWaitAsync(
            Profile(giver, "DEA", 1, "2026-03-01"),
            Profile(asker, "DEB", 1, "2026-03-01"),
            Answer(answer, Guid.NewGuid(), Guid.NewGuid(), "open", giver, asker, "Who deploys on Fridays?", "2026-03-02"));
        Assert.Contains(giver.Id, Spanners(await executive.GetJsonAsync("/api/partnerships/boundary-spanners?department=DEA")));

        await fixture.Host.PublishAndWaitAsync(Profile(giver, "DEA", 2, "2026-03-03") with { Active = false });

        Assert.DoesNotContain(giver.Id, Spanners(await executive.GetJsonAsync("/api/partnerships/boundary-spanners?department=DEA")));
        var map = await executive.GetJsonAsync("/api/systems-map?focus=department:DEA&depth=2");
        Assert.DoesNotContain(giver.DisplayName, map.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("DEA-DEB 1 0", Pairs(await executive.GetJsonAsync("/api/partnerships/matrix?from=2026-01-01&to=2026-12-31")));

        await fixture.Host.PublishAndWaitAsync(Profile(giver, "DEA", 3, "2026-03-04"));
        Assert.Contains(giver.Id, Spanners(await executive.GetJsonAsync("/api/partnerships/boundary-spanners?department=DEA")));
    }

    [Fact]
    public async Task Help_and_the_profiles_it_depends_on_arriving_all_at_once_count_exactly()
    {
        var asker = TestUser.Employee("asker at once", "BRB");
        var givers = Enumerable.Range(0, 5).Select(i => TestUser.Employee($"giver at once {i}", "BRA")).ToList();
        var questions = Enumerable.Range(0, 4).Select(_ => (Post: Guid.NewGuid(), Answers: givers.Select(_ => Guid.NewGuid()).ToList())).ToList();
        var community = Guid.NewGuid();
        var executive = fixture.Host.CreateClient(TestUser.Executive());

        // Answers and acceptances of several questions with the givers' profiles among them, consumed side by side.
        var burst = new List<object> { Profile(asker, "BRB", 1, "2026-01-01") };
        foreach (var (post, answers) in questions)
        {
            burst.AddRange(answers.Select((answer, i) => (object)Answer(answer, post, community, "open", givers[i], asker, "Which broker?", "2026-05-01")));
            burst.Add(Accepted(answers[0], post, community, givers[0], asker, "Which broker?", "2026-05-02"));
        }

        burst.InsertRange(burst.Count / 2, givers.Select(giver => (object)Profile(giver, "BRA", 1, "2026-01-01")));
        await fixture.Host.PublishAndWaitAsync([.. burst]);

        // 20 answers of weight 1, and 4 acceptances of 2 more.
        Assert.Contains("BRA-BRB 28 0", Pairs(await executive.GetJsonAsync("/api/partnerships/matrix?from=2026-01-01&to=2026-12-31")));
    }

    private static List<Guid> Spanners(System.Text.Json.Nodes.JsonNode spanners) =>
        [.. spanners["items"]!.AsArray().Select(item => Guid.Parse(item!["person"]!["id"]!.GetValue<string>()))];

    private static List<string> Pairs(System.Text.Json.Nodes.JsonNode matrix) =>
        [.. matrix["pairs"]!.AsArray().Select(pair => $"{pair!["a"]}-{pair["b"]} {pair["helpAtoB"]} {pair["helpBtoA"]}")];
}

public sealed class Incremental_on_Sqlite(SqliteScratch fixture) : IncrementalTests(fixture), IClassFixture<SqliteScratch>;

public sealed class Incremental_on_Postgres(PostgresScratch fixture) : IncrementalTests(fixture), IClassFixture<PostgresScratch>;
