using System.Net;
using System.Net.Http.Json;
using KnowledgeHub.Contracts.Expertise;
using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.Expertise.Tests;

public abstract class EndorsementTests(ExpertiseFixture fixture)
{
    [Fact]
    public async Task An_endorsement_counts_on_the_canonical_skill_and_is_announced()
    {
        var (endorsed, endorsedClient) = await fixture.PersonAsync("endorsed");
        var (endorser, endorserClient) = await fixture.PersonAsync("endorser");
        await endorsedClient.PutJsonAsync("/api/people/me/skills/Kubernetes", new { level = 3 }, HttpStatusCode.OK);

        using var response = await endorserClient.PostAsJsonAsync($"/api/people/{endorsed.Id}/endorsements", new { skill = "k8s", comment = "Rebuilt our clusters" });

        await response.EnsureStatusAsync(HttpStatusCode.Created);
        Assert.Equal($"/api/people/{endorsed.Id}", response.Headers.Location!.OriginalString);
        var endorsement = await response.ReadJsonAsync();
        Assert.Equal("Kubernetes", endorsement["skill"]!.GetValue<string>());
        var person = await endorserClient.GetJsonAsync($"/api/people/{endorsed.Id}");
        Assert.Equal(1, person["skills"]![0]!["endorsements"]!.GetValue<int>());
        await fixture.Host.Events.WaitForAsync<EndorsementGiven>(
            evt => evt.PersonId == endorsed.Id && evt.EndorserId == endorser.Id && evt.Skill == "Kubernetes", "the endorsement event");
    }

    [Fact]
    public async Task Endorsing_twice_for_the_same_skill_is_a_conflict()
    {
        var (endorsed, endorsedClient) = await fixture.PersonAsync("endorsed");
        var (_, endorser) = await fixture.PersonAsync("endorser");
        var skill = Evidence.UniqueTag();
        await endorsedClient.PutJsonAsync($"/api/people/me/skills/{skill}", new { level = 2 }, HttpStatusCode.OK);

        using var first = await endorser.PostAsJsonAsync($"/api/people/{endorsed.Id}/endorsements", new { skill });
        using var second = await endorser.PostAsJsonAsync($"/api/people/{endorsed.Id}/endorsements", new { skill = skill.ToUpperInvariant() });

        await first.EnsureStatusAsync(HttpStatusCode.Created);
        await second.EnsureStatusAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_skill_the_person_never_declared_nor_showed_cannot_be_endorsed_and_enters_no_taxonomy_or_coverage()
    {
        var (endorsed, _) = await fixture.PersonAsync("endorsed", "ENDORSE");
        var (_, endorser) = await fixture.PersonAsync("endorser");
        var skill = Evidence.UniqueTag();

        using var response = await endorser.PostAsJsonAsync($"/api/people/{endorsed.Id}/endorsements", new { skill });

        await response.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.NotNull((await response.ReadJsonAsync())["errors"]!["skill"]);
        Assert.Empty((await endorser.GetJsonAsync($"/api/skills?q={skill}")).AsArray());
        Assert.Empty((await endorser.GetJsonAsync("/api/experts/coverage?department=ENDORSE")).AsArray());
        Assert.Empty((await endorser.GetJsonAsync($"/api/people/{endorsed.Id}"))["skills"]!.AsArray());
    }

    [Fact]
    public async Task A_skill_shown_by_evidence_may_be_endorsed_without_a_declaration()
    {
        var (endorsed, _) = await fixture.PersonAsync("endorsed");
        var (_, endorser) = await fixture.PersonAsync("endorser");
        var (asker, _) = await fixture.PersonAsync("asker");
        await fixture.DeliverAsync(Evidence.Answer(endorsed.Id, asker.Id, "How do we patch Python?", ["Python"]));

        var endorsement = await endorser.PostJsonAsync($"/api/people/{endorsed.Id}/endorsements", new { skill = "python" }, HttpStatusCode.Created);

        Assert.Equal("Python", endorsement["skill"]!.GetValue<string>());
    }

    [Fact]
    public async Task Endorsing_yourself_is_refused_naming_the_person()
    {
        var (me, client) = await fixture.PersonAsync();
        var skill = Evidence.UniqueTag();

        using var response = await client.PostAsJsonAsync($"/api/people/{me.Id}/endorsements", new { skill });

        await response.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.NotNull((await response.ReadJsonAsync())["errors"]!["id"]);
        Assert.Empty((await client.GetJsonAsync($"/api/skills?q={skill}")).AsArray());
    }

    [Fact]
    public async Task Endorsing_an_unknown_person_is_not_found_and_creates_nothing()
    {
        var (_, client) = await fixture.PersonAsync();
        var skill = Evidence.UniqueTag();

        using var response = await client.PostAsJsonAsync($"/api/people/{Guid.NewGuid()}/endorsements", new { skill });

        await response.EnsureStatusAsync(HttpStatusCode.NotFound);
        Assert.Empty((await client.GetJsonAsync($"/api/skills?q={skill}")).AsArray());
    }

    [Theory]
    [InlineData("", "skill")]
    [InlineData(null, "skill")]
    [InlineData("a,b", "skill")]
    public async Task A_bad_skill_name_is_refused(string? skill, string field)
    {
        var (endorsed, _) = await fixture.PersonAsync("endorsed");
        var (_, client) = await fixture.PersonAsync("endorser");

        using var response = await client.PostAsJsonAsync($"/api/people/{endorsed.Id}/endorsements", new { skill });

        await response.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.NotNull((await response.ReadJsonAsync())["errors"]![field]);
    }

    [Fact]
    public async Task An_overlong_comment_is_refused()
    {
        var (endorsed, _) = await fixture.PersonAsync("endorsed");
        var (_, client) = await fixture.PersonAsync("endorser");

        using var response = await client.PostAsJsonAsync($"/api/people/{endorsed.Id}/endorsements", new { skill = "Python", comment = new string('c', 501) });

        await response.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.NotNull((await response.ReadJsonAsync())["errors"]!["comment"]);
    }
}

public sealed class Endorsements_on_Sqlite(SqliteExpertise fixture) : EndorsementTests(fixture), IClassFixture<SqliteExpertise>;

public sealed class Endorsements_on_Postgres(PostgresExpertise fixture) : EndorsementTests(fixture), IClassFixture<PostgresExpertise>;
