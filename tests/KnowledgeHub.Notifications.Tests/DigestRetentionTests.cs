using System.Net;
using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.Notifications.Tests;

/// <summary>Digest claims do not pile up: those no digest can need again are deleted, the rest keep each period to one digest.</summary>
public abstract class DigestRetentionTests(DigestFixture fixture)
{
    [Fact]
    public async Task Claims_older_than_two_weeks_are_deleted_but_each_persons_latest_stays_and_no_period_comes_twice()
    {
        var (reader, paused) = (TestUser.Employee("reader"), TestUser.Employee("paused"));
        await fixture.KnowPeopleAsync(reader, paused);
        var pausedClient = fixture.Host.CreateClient(paused);
        foreach (var person in new[] { reader, paused })
        {
            await fixture.Host.CreateClient(person).PutJsonAsync("/api/notifications/preferences", Daily("daily"), HttpStatusCode.OK);
        }

        var slot = fixture.NextSlot(DateTimeOffset.UtcNow);
        for (var day = 0; day <= 16; day++)
        {
            fixture.Clock.Offset = slot.AddDays(day).AddMinutes(1) - DateTimeOffset.UtcNow;
            await fixture.RunTwoWorkersAsync();
            if (day == 0)
            {
                await pausedClient.PutJsonAsync("/api/notifications/preferences", Daily("off"), HttpStatusCode.OK);
            }
        }

        // Half a day into the last period: the claims of the first three days are more than 14 days old.
        fixture.Clock.Offset = slot.AddDays(16).AddHours(12) - DateTimeOffset.UtcNow;
        await fixture.RunTwoWorkersAsync();

        await fixture.UntilAsync("SELECT count(*) FROM digests WHERE person_id = @Id", new { reader.Id }, 14, "the reader's claims of the last 14 days only");
        await fixture.UntilAsync("SELECT count(*) FROM digests WHERE person_id = @Id AND period = @Period", new { reader.Id, Period = Period(slot.AddDays(16)) }, 1, "the current period's claim");
        await fixture.UntilAsync("SELECT count(*) FROM digests WHERE person_id = @Id", new { paused.Id }, 1, "the paused person's only, latest claim");
        await fixture.RunTwoWorkersAsync();
        await fixture.UntilAsync("SELECT count(*) FROM digests WHERE person_id = @Id", new { reader.Id }, 14, "no period claimed twice");
        Assert.Empty(await fixture.Smtp.MessagesToAsync(reader.Email));
    }

    private static object Daily(string digest) =>
        new { email = new { digest, immediate = Array.Empty<string>(), timeZone = DigestFixture.Zone }, muted = Array.Empty<string>() };

    private static string Period(DateTimeOffset slot) =>
        $"daily:{TimeZoneInfo.ConvertTime(slot, TimeZoneInfo.FindSystemTimeZoneById(DigestFixture.Zone)):yyyy-MM-dd}";
}

public sealed class Digest_retention_on_Sqlite(SqliteDigest fixture) : DigestRetentionTests(fixture), IClassFixture<SqliteDigest>;

public sealed class Digest_retention_on_Postgres(PostgresDigest fixture) : DigestRetentionTests(fixture), IClassFixture<PostgresDigest>;
