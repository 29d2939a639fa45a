using System.Net;
using System.Text.Json.Nodes;
using KnowledgeHub.Contracts.Expertise;
using KnowledgeHub.Messaging.Privacy;
using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.Expertise.Tests;

/// <summary>
/// Erasure as Expertise coordinates it (ADR 0072): the request, the directory's own part, the
/// tokens it refuses, the other services' answers it counts, and the requests it refuses. The
/// other services' parts and the sweep over every route are in tests/KnowledgeHub.EndToEnd.Tests.
/// </summary>
public abstract class ErasureTests(ExpertiseFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly string[] OtherServices = ["alignment", "communities", "notifications", "partnerships", "search"];

    private HttpClient Admin { get; } = fixture.Host.CreateClient(TestUser.Admin());

    [Fact]
    public async Task A_person_who_erases_themselves_leaves_no_profile_skills_or_endorsements_and_their_old_token_is_refused()
    {
        var skill = await fixture.SkillAsync("erased");
        var (pia, piaClient) = await fixture.PersonAsync("pia");
        var (quinn, quinnClient) = await fixture.PersonAsync("quinn");
        await piaClient.PutJsonAsync($"/api/people/me/skills/{skill}", new { level = 4 }, HttpStatusCode.OK);
        await quinnClient.PutJsonAsync($"/api/people/me/skills/{skill}", new { level = 3 }, HttpStatusCode.OK);
        await quinnClient.PostJsonAsync($"/api/people/{pia.Id}/endorsements", new { skill }, HttpStatusCode.Created);
        await piaClient.PostJsonAsync($"/api/people/{quinn.Id}/endorsements", new { skill }, HttpStatusCode.Created);
        var quinnBefore = await ExpertScoreAsync(skill, quinn.Id);

        var (erasureId, location) = await EraseAsync(piaClient, "/api/people/me");

        Assert.Equal($"/api/erasures/{erasureId}", location);
        await (await piaClient.GetAsync("/api/people/me")).EnsureStatusAsync(HttpStatusCode.Unauthorized);
        await Eventually.AssertAsync(
            async () => ServiceStatus(await ErasureAsync(erasureId), "expertise") == "completed", Patience, "the directory's part of the erasure");
        await (await Admin.GetAsync($"/api/people/{pia.Id}")).EnsureStatusAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain(pia.DisplayName, (await Admin.GetJsonAsync($"/api/people?q={Uri.EscapeDataString(pia.DisplayName)}")).ToJsonString(), StringComparison.Ordinal);
        var quinnAfter = await Admin.GetJsonAsync($"/api/people/{quinn.Id}");
        Assert.Equal(0, quinnAfter["skills"]!.AsArray().Single(entry => entry!["name"]!.GetValue<string>() == skill)!["endorsements"]!.GetValue<int>());
        var experts = await Admin.GetJsonAsync($"/api/experts?skill={skill}");
        Assert.DoesNotContain(pia.Id.ToString(), experts.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        Assert.True(await ExpertScoreAsync(skill, quinn.Id) < quinnBefore, "Quinn's endorsement by the erased person still counts.");
    }

    [Fact]
    public async Task The_erasure_completes_when_every_service_has_answered_and_is_audited_in_the_name_of_who_asked()
    {
        var (person, _) = await fixture.PersonAsync("erased by admin");
        var admin = TestUser.Admin("erasing admin");
        var (erasureId, _) = await EraseAsync(fixture.Host.CreateClient(admin), $"/api/people/{person.Id}");
        await Eventually.AssertAsync(
            async () => ServiceStatus(await ErasureAsync(erasureId), "expertise") == "completed", Patience, "the directory's part of the erasure");
        Assert.Equal("running", (await ErasureAsync(erasureId))["status"]!.GetValue<string>());

        await fixture.DeliverAllAsync(OtherServices.Select(service => new PersonDataErased(erasureId, person.Id, service, DateTimeOffset.UtcNow)));

        var erasure = await ErasureAsync(erasureId);
        Assert.Equal("completed", erasure["status"]!.GetValue<string>());
        Assert.All(erasure["services"]!.AsArray(), service => Assert.Equal("completed", service!["status"]!.GetValue<string>()));
        Assert.Equal(6, erasure["services"]!.AsArray().Count);
        var audited = await Eventually.GetAsync(
            async () => (await Admin.GetJsonAsync($"/api/audit?target=person:{person.Id}"))["items"]!.AsArray() is { Count: 2 } items ? items : null,
            Patience,
            "the request and the completion in the audit trail");
        Assert.Equal(["person.erased", "person.erasure.requested"], audited.Select(entry => entry!["action"]!.GetValue<string>()).Order());
        Assert.All(audited, entry => Assert.Equal(admin.Id.ToString(), entry!["actor"]!.GetValue<string>()));
        Assert.DoesNotContain(person.DisplayName, audited.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_person_is_404_a_second_erasure_while_one_runs_is_409_even_after_the_directorys_part_and_each_refusal_is_audited()
    {
        var unknown = Guid.NewGuid();
        var admin = TestUser.Admin("refused admin");
        var adminClient = fixture.Host.CreateClient(admin);
        await (await adminClient.DeleteAsync($"/api/people/{unknown}")).EnsureStatusAsync(HttpStatusCode.NotFound);
        var (person, _) = await fixture.PersonAsync("erased twice");
        var (first, _) = await EraseAsync(adminClient, $"/api/people/{person.Id}");

        await AssertRefusedAsRunningAsync(adminClient, person.Id, first);
        await Eventually.AssertAsync(
            async () => ServiceStatus(await ErasureAsync(first), "expertise") == "completed", Patience, "the directory's part of the erasure");
        // The profile is gone now, but the other services have not answered: still the running erasure, not an unknown person.
        await AssertRefusedAsRunningAsync(adminClient, person.Id, first);

        foreach (var (target, refusals) in new[] { (unknown, 1), (person.Id, 2) })
        {
            var refused = await Eventually.GetAsync(
                async () => (await Admin.GetJsonAsync($"/api/audit?target=person:{target}&action=person.erasure.refused"))["items"]!.AsArray() is var items && items.Count == refusals ? items : null,
                Patience,
                $"{refusals} refused erasure(s) of person:{target} in the audit trail");
            Assert.All(refused, entry => Assert.Equal(admin.Id.ToString(), entry!["actor"]!.GetValue<string>()));
        }

        Assert.Equal("running", (await ErasureAsync(first))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Only_admins_erase_someone_else_and_an_unknown_erasure_is_404()
    {
        var (person, client) = await fixture.PersonAsync("not erased");
        var (_, other) = await fixture.PersonAsync("would-be eraser");

        await (await other.DeleteAsync($"/api/people/{person.Id}")).EnsureStatusAsync(HttpStatusCode.Forbidden);
        await (await fixture.Host.CreateClient().GetAsync($"/api/erasures/{Guid.NewGuid()}")).EnsureStatusAsync(HttpStatusCode.NotFound);
        await (await fixture.Host.CreateClient().DeleteAsync("/api/people/me")).EnsureStatusAsync(HttpStatusCode.Unauthorized);

        Assert.Equal(person.DisplayName, (await client.GetJsonAsync("/api/people/me"))["displayName"]!.GetValue<string>());
    }

    [Fact]
    public async Task News_of_the_person_from_before_the_erasure_does_not_bring_them_back_but_signing_in_again_starts_a_new_profile()
    {
        var skill = await fixture.SkillAsync("again");
        var (person, client) = await fixture.PersonAsync("returning");
        await client.PutJsonAsync($"/api/people/me/skills/{skill}", new { level = 5 }, HttpStatusCode.OK);
        var before = await client.GetJsonAsync("/api/people/me");
        var (erasureId, _) = await EraseAsync(client, "/api/people/me");
        await Eventually.AssertAsync(
            async () => ServiceStatus(await ErasureAsync(erasureId), "expertise") == "completed", Patience, "the directory's part of the erasure");

        // A service that cannot check erasures let the old token in after the erasure: it announces nobody.
        await fixture.DeliverAsync(new PersonSeen(person.Id, person.Email, person.DisplayName, person.Department, DateTimeOffset.UtcNow, TokenIssuedAt: DateTimeOffset.UtcNow.AddMinutes(-1)));
        await fixture.DeliverAsync(new PersonSeen(person.Id, person.Email, person.DisplayName, person.Department, DateTimeOffset.UtcNow.AddMinutes(-1)));

        await (await Admin.GetAsync($"/api/people/{person.Id}")).EnsureStatusAsync(HttpStatusCode.NotFound);
        // A token issued after the erasure is the person's new start; one issued in the erasure's own second is still refused.
        var again = await Eventually.GetAsync(
            async () =>
            {
                using var response = await fixture.Host.CreateClient(person).GetAsync("/api/people/me");
                return response.StatusCode == HttpStatusCode.OK ? await response.ReadJsonAsync() : null;
            },
            Patience,
            "a new sign-in to be let in");
        Assert.Empty(again["skills"]!.AsArray());
        Assert.True(Version(again) > Version(before), $"The new profile's version {Version(again)} does not continue the erased one's {Version(before)}.");
    }

    [Fact]
    public async Task The_directory_provisioning_the_address_again_creates_a_new_person_with_nothing_of_the_old()
    {
        var scim = fixture.ScimClient();
        var email = $"reprovisioned.{Guid.NewGuid():N}@example.com";
        var id = (await scim.ScimAsync(HttpMethod.Post, "/scim/v2/Users", ScimCalls.NewUser(email, "Old", "Name", "OPS"), HttpStatusCode.Created))!["id"]!.GetValue<string>();
        var skill = await fixture.SkillAsync("reprovisioned");
        var person = TestUser.Employee("reprovisioned") with { Email = email };
        await fixture.Host.CreateClient(person).PutJsonAsync($"/api/people/me/skills/{skill}", new { level = 2 }, HttpStatusCode.OK);
        var (erasureId, _) = await EraseAsync(Admin, $"/api/people/{id}");
        await Eventually.AssertAsync(
            async () => ServiceStatus(await ErasureAsync(erasureId), "expertise") == "completed", Patience, "the directory's part of the erasure");
        await scim.ScimAsync(HttpMethod.Get, $"/scim/v2/Users/{id}", null, HttpStatusCode.NotFound);

        var again = (await scim.ScimAsync(HttpMethod.Post, "/scim/v2/Users", ScimCalls.NewUser(email, "New", "Start"), HttpStatusCode.Created))!;

        Assert.Equal(id, again["id"]!.GetValue<string>());
        var profile = await Admin.GetJsonAsync($"/api/people/{id}");
        Assert.Equal("New Start", profile["displayName"]!.GetValue<string>());
        Assert.Empty(profile["skills"]!.AsArray());
    }

    [Fact]
    public async Task An_erasure_waits_for_news_of_the_person_that_was_checked_before_it_and_is_still_being_written()
    {
        var database = fixture.Host.Get<ExpertiseDatabase>();
        var personId = Guid.NewGuid();
        Task erasure;
        await using (var news = await database.BeginAsync(TestContext.Current.CancellationToken))
        {
            Assert.False(await ErasedPeople.ErasedSinceAsync(news, personId, DateTimeOffset.UtcNow));
            erasure = Task.Run(async () =>
            {
                await using var work = await database.BeginAsync(TestContext.Current.CancellationToken);
                await ErasedPeople.RecordAsync(work, new PersonErasureStarted(Guid.NewGuid(), personId, DateTimeOffset.UtcNow));
                await work.CommitAsync();
            });
            await Task.Delay(TimeSpan.FromMilliseconds(500), TestContext.Current.CancellationToken);

            Assert.False(erasure.IsCompleted, "The erasure committed while news of the person, checked before it, was still being written.");
            await news.CommitAsync();
        }

        await erasure.WaitAsync(Patience, TestContext.Current.CancellationToken);
    }

    private static async Task AssertRefusedAsRunningAsync(HttpClient client, Guid personId, Guid runningErasure)
    {
        using var response = await client.DeleteAsync($"/api/people/{personId}");
        await response.EnsureStatusAsync(HttpStatusCode.Conflict);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains($"/api/erasures/{runningErasure}", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    private async Task<(Guid Id, string Location)> EraseAsync(HttpClient client, string path)
    {
        using var response = await client.DeleteAsync(path);
        await response.EnsureStatusAsync(HttpStatusCode.Accepted);
        var id = Guid.Parse((await response.ReadJsonAsync())["id"]!.GetValue<string>());
        return (id, response.Headers.Location!.OriginalString);
    }

    private async Task<JsonNode> ErasureAsync(Guid id) => await fixture.Host.CreateClient().GetJsonAsync($"/api/erasures/{id}");

    private static string ServiceStatus(JsonNode erasure, string service) =>
        erasure["services"]!.AsArray().Single(entry => entry!["name"]!.GetValue<string>() == service)!["status"]!.GetValue<string>();

    private async Task<double> ExpertScoreAsync(string skill, Guid personId) =>
        (await Admin.GetJsonAsync($"/api/experts?skill={skill}"))["items"]!.AsArray()
            .Single(item => item!["person"]!["id"]!.GetValue<string>() == personId.ToString())!["score"]!.GetValue<double>();

    private static long Version(JsonNode profile) => profile["version"]!.GetValue<long>();
}

public sealed class Erasure_on_Sqlite(SqliteExpertise fixture) : ErasureTests(fixture), IClassFixture<SqliteExpertise>;

public sealed class Erasure_on_Postgres(PostgresExpertise fixture) : ErasureTests(fixture), IClassFixture<PostgresExpertise>;
