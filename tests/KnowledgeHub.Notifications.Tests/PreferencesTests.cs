using System.Net;
using System.Net.Http.Json;
using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.Notifications.Tests;

public abstract class PreferencesTests(NotificationsFixture fixture)
{
    [Fact]
    public async Task Preferences_start_quiet_and_are_saved_as_sent()
    {
        var client = fixture.Host.CreateClient(TestUser.Employee("me"));
        var initial = await client.GetJsonAsync("/api/notifications/preferences");
        Assert.Equal(("off", 0, 0), (initial["email"]!.Text("digest"), initial["email"]!["immediate"]!.AsArray().Count, initial["muted"]!.AsArray().Count));

        await client.PutJsonAsync(
            "/api/notifications/preferences",
            new { email = new { digest = "weekly", immediate = new[] { "question-routed", "answer-posted" } }, muted = new[] { "followed-activity" } },
            HttpStatusCode.OK);

        var saved = await client.GetJsonAsync("/api/notifications/preferences");
        Assert.Equal(("weekly", "UTC"), (saved["email"]!.Text("digest"), saved["email"]!.Text("timeZone")));
        Assert.Equal(["answer-posted", "question-routed"], saved["email"]!["immediate"]!.AsArray().Select(kind => kind!.GetValue<string>()));
        Assert.Equal(["followed-activity"], saved["muted"]!.AsArray().Select(kind => kind!.GetValue<string>()));
    }

    [Fact]
    public async Task Unknown_kinds_digests_and_fields_are_refused_and_change_nothing()
    {
        var client = fixture.Host.CreateClient(TestUser.Employee("me"));
        await client.PutJsonAsync("/api/notifications/preferences", new { email = new { digest = "daily", immediate = new[] { "endorsed" } }, muted = Array.Empty<string>() }, HttpStatusCode.OK);

        using var unknownKind = await client.PutAsJsonAsync("/api/notifications/preferences", new { email = new { digest = "off", immediate = new[] { "gossip" } }, muted = Array.Empty<string>() });
        using var unknownMuted = await client.PutAsJsonAsync("/api/notifications/preferences", new { email = new { digest = "off" }, muted = new[] { "everything" } });
        using var unknownDigest = await client.PutAsJsonAsync("/api/notifications/preferences", new { email = new { digest = "hourly" }, muted = Array.Empty<string>() });
        using var unknownZone = await client.PutAsJsonAsync("/api/notifications/preferences", new { email = new { digest = "daily", timeZone = "Mars/Olympus_Mons" }, muted = Array.Empty<string>() });
        using var unknownField = await client.SendRawAsync(HttpMethod.Put, "/api/notifications/preferences", """{ "email": { "digest": "off" }, "muted": [], "sms": true }""");
        using var unknownNested = await client.SendRawAsync(HttpMethod.Put, "/api/notifications/preferences", """{ "email": { "digest": "off", "fax": true }, "muted": [] }""");

        await unknownKind.AssertRefusedAsync("email.immediate");
        await unknownMuted.AssertRefusedAsync("muted");
        await unknownDigest.AssertRefusedAsync("email.digest");
        await unknownZone.AssertRefusedAsync("email.timeZone");
        await unknownField.EnsureStatusAsync(HttpStatusCode.BadRequest);
        await unknownNested.EnsureStatusAsync(HttpStatusCode.BadRequest);
        var unchanged = await client.GetJsonAsync("/api/notifications/preferences");
        Assert.Equal(("daily", "endorsed"), (unchanged["email"]!.Text("digest"), unchanged["email"]!["immediate"]![0]!.GetValue<string>()));
    }

    [Fact]
    public async Task Without_an_SMTP_host_a_chosen_kind_is_shown_in_the_hub_and_nothing_is_queued_for_e_mail()
    {
        var (me, endorser) = (TestUser.Employee("me"), TestUser.Employee("endorser"));
        await fixture.KnowPeopleAsync(me, endorser);
        var client = fixture.Host.CreateClient(me);
        await client.PutJsonAsync("/api/notifications/preferences", new { email = new { digest = "off", immediate = new[] { "endorsed" } }, muted = Array.Empty<string>() }, HttpStatusCode.OK);

        await fixture.Host.PublishAsync(new KnowledgeHub.Contracts.Expertise.EndorsementGiven(Guid.NewGuid(), me.Id, "Kubernetes", endorser.Id, DateTimeOffset.UtcNow));

        await client.WaitForAsync("endorsed");
        await fixture.UntilAsync("SELECT count(*) FROM email_queue", new { }, 0, "an empty e-mail queue");
    }
}

public sealed class Preferences_on_Sqlite(SqliteNotifications fixture) : PreferencesTests(fixture), IClassFixture<SqliteNotifications>;

public sealed class Preferences_on_Postgres(PostgresNotifications fixture) : PreferencesTests(fixture), IClassFixture<PostgresNotifications>;
