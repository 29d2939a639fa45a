using System.Globalization;
using System.Net;
using KnowledgeHub.Contracts.Communities;
using KnowledgeHub.Contracts.Expertise;
using KnowledgeHub.Data;
using KnowledgeHub.Notifications.Features.Digests;
using KnowledgeHub.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Xunit;

namespace KnowledgeHub.Notifications.Tests;

/// <summary>
/// E-mail on, a real SMTP server, and a clock the test moves: digests go out an hour after the
/// fixture starts, at that hour in <see cref="Zone"/>. Tests make their HTTP calls before moving
/// the clock (tokens are checked against the wall clock).
/// </summary>
public abstract class DigestFixture(DatabaseProvider provider) : EmailFixture(provider)
{
    public const string Zone = "Asia/Kolkata";

    private static readonly TimeZoneInfo ZoneInfo = TimeZoneInfo.FindSystemTimeZoneById(Zone);

    public AdjustableClock Clock { get; } = new();

    // At least half an hour away: a fixture made a moment before the hour turned would otherwise see its digest
    // hour arrive on the wall clock while its tests ran (a CI run at 08:30 UTC, 14:00 in Kolkata, lost a digest).
    public int Hour { get; } = (TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow + TimeSpan.FromMinutes(30), ZoneInfo).Hour + 1) % 24;

    /// <summary>The day of the next digest hour: weekly digests are due then too.</summary>
    public DayOfWeek WeeklyDay => NextSlot(DateTimeOffset.UtcNow).DayOfWeek;

    protected override IReadOnlyDictionary<string, string?>? Settings => new Dictionary<string, string?>(base.Settings!)
    {
        ["Notifications:Digest:Hour"] = Hour.ToString(CultureInfo.InvariantCulture),
        ["Notifications:Digest:PollInterval"] = "00:00:00.2",
        ["Notifications:Digest:WeeklyDay"] = WeeklyDay.ToString(),
    };

    protected override void AddModule(WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<TimeProvider>(Clock);
        base.AddModule(builder);
    }

    /// <summary>The next digest hour in <see cref="Zone"/> after <paramref name="after"/>.</summary>
    public DateTimeOffset NextSlot(DateTimeOffset after)
    {
        var local = TimeZoneInfo.ConvertTime(after, ZoneInfo);
        var slot = local.Date.AddHours(Hour);
        slot = slot <= local.DateTime ? slot.AddDays(1) : slot;
        return new DateTimeOffset(slot, ZoneInfo.GetUtcOffset(slot));
    }

    /// <summary>Two more digest workers, as two more instances would run, in one pass each at the same time.</summary>
    public Task RunTwoWorkersAsync() =>
        Task.WhenAll(Enumerable.Range(0, 2).Select(_ => ActivatorUtilities.CreateInstance<DigestWorker>(Host.Services).RunOnceAsync(CancellationToken.None)));
}

public sealed class SqliteDigest() : DigestFixture(DatabaseProvider.Sqlite);

public sealed class PostgresDigest() : DigestFixture(DatabaseProvider.Postgres);

/// <summary>Real time, moved by <see cref="Offset"/>, so a test reaches the next digest period at once.</summary>
public sealed class AdjustableClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
}

/// <summary>Digests: once per person and period whatever the number of workers, in the person's time zone, none with nothing to say.</summary>
public abstract class DigestTests(DigestFixture fixture)
{
    [Fact]
    public async Task A_digest_comes_once_per_person_and_period_in_their_time_zone_and_not_when_nothing_happened()
    {
        var (expert, asker, quiet, weekly) = (TestUser.Employee("expert"), TestUser.Employee("asker"), TestUser.Employee("quiet"), TestUser.Employee("weekly"));
        await fixture.KnowPeopleAsync(expert, asker, quiet, weekly);
        foreach (var (person, digest) in new[] { (expert, "daily"), (asker, "daily"), (quiet, "daily"), (weekly, "weekly") })
        {
            await fixture.Host.CreateClient(person).PutJsonAsync(
                "/api/notifications/preferences", new { email = new { digest, immediate = Array.Empty<string>(), timeZone = DigestFixture.Zone }, muted = Array.Empty<string>() }, HttpStatusCode.OK);
        }

        var community = await fixture.KnowCommunityAsync("open", asker, expert);
        var (open, answered) = (Guid.NewGuid(), Guid.NewGuid());
        var now = DateTimeOffset.UtcNow;
        await fixture.Host.PublishAsync(new ExpertsSuggested(open, community, [Expert(expert)], now));
        await fixture.Host.PublishAsync(new ExpertsSuggested(answered, community, [Expert(expert)], now));
        await fixture.Host.PublishAsync(new AnswerPosted(Guid.NewGuid(), answered, community, "open", expert.Id, expert.Department, asker.Id, "Which ingress controller?", ["kubernetes"], "Use nginx.", now));
        await fixture.Host.PublishAsync(new AnswerAccepted(Guid.NewGuid(), answered, community, expert.Id, "Which ingress controller?", ["kubernetes"], asker.Id, null, now));
        await fixture.Host.PublishAsync(new AnswerPosted(Guid.NewGuid(), Guid.NewGuid(), community, "open", expert.Id, expert.Department, weekly.Id, "Weekly question", [], "Yes.", now));
        await fixture.UntilAsync("SELECT count(*) FROM notifications", new { }, 5, "two routed questions, two answers and an acceptance");
        await fixture.UntilAsync("SELECT count(*) FROM accepted_questions", new { }, 1, "the accepted question");

        await fixture.RunTwoWorkersAsync();
        await fixture.UntilAsync("SELECT count(*) FROM digests", new { }, 0, "no digest before the hour");

        var expertClient = fixture.Host.CreateClient(expert);
        var slot = fixture.NextSlot(DateTimeOffset.UtcNow);
        fixture.Clock.Offset = slot.AddMinutes(1) - DateTimeOffset.UtcNow;
        await fixture.RunTwoWorkersAsync();
        await fixture.UntilAsync("SELECT count(*) FROM digests WHERE status = 'sent'", new { }, 3, "the expert's, the asker's and the weekly reader's digests sent");
        await fixture.UntilAsync("SELECT count(*) FROM digests WHERE status = 'empty'", new { }, 1, "the quiet person's digest left empty");
        await fixture.RunTwoWorkersAsync();

        var toExpert = Parse(Assert.Single(await fixture.Smtp.MessagesToAsync(expert.Email)));
        var toAsker = Parse(Assert.Single(await fixture.Smtp.MessagesToAsync(asker.Email)));
        Assert.Empty(await fixture.Smtp.MessagesToAsync(quiet.Email));
        var day = slot.ToOffset(TimeSpan.FromMinutes(330)).ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture);
        Assert.Equal($"Your daily KnowledgeHub digest, {day}", toExpert.Subject);
        Assert.Contains("(times in Asia/Kolkata)", toExpert.TextBody, StringComparison.Ordinal);
        Assert.Contains("Questions routed to you, still open (1)", toExpert.TextBody, StringComparison.Ordinal);
        Assert.Contains($"http://hub.example.test/posts/{open}", toExpert.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(answered.ToString(), toExpert.TextBody, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"http://hub.example.test/posts/{open}\">", toExpert.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", toExpert.Headers["List-Unsubscribe-Post"]);
        Assert.Contains("Answers to your questions (1)", toAsker.TextBody, StringComparison.Ordinal);
        Assert.Contains("New answer to your question: Which ingress controller?", toAsker.HtmlBody, StringComparison.Ordinal);
        Assert.Equal($"Your weekly KnowledgeHub digest, {day}", Parse(Assert.Single(await fixture.Smtp.MessagesToAsync(weekly.Email))).Subject);

        // One click on the digest's unsubscribe link turns the digest off.
        using var anonymous = fixture.Host.CreateClient();
        using var clicked = await anonymous.PostAsync(new Uri(toExpert.Headers["List-Unsubscribe"]!.Trim('<', '>')).PathAndQuery, null);
        await clicked.EnsureStatusAsync(HttpStatusCode.NoContent);
        Assert.Equal("off", (await expertClient.GetJsonAsync("/api/notifications/preferences"))["email"]!.Text("digest"));

        // A day on, nothing new: the still-open question alone is no reason to write; the weekly period has not ended.
        fixture.Clock.Offset += TimeSpan.FromDays(1);
        await fixture.RunTwoWorkersAsync();
        await fixture.UntilAsync("SELECT count(*) FROM digests WHERE status = 'empty'", new { }, 3, "the asker's and the quiet person's second-day digests left empty");
        await fixture.UntilAsync("SELECT count(*) FROM digests WHERE person_id = @Id", new { expert.Id }, 1, "no second digest for the expert, who unsubscribed");
        await fixture.UntilAsync("SELECT count(*) FROM digests WHERE person_id = @Id", new { weekly.Id }, 1, "one weekly digest only");
        Assert.Single(await fixture.Smtp.MessagesToAsync(expert.Email));
        Assert.Single(await fixture.Smtp.MessagesToAsync(asker.Email));
        Assert.Empty(await fixture.Smtp.MessagesToAsync(quiet.Email));
    }

    private static ExpertsSuggested.Expert Expert(TestUser person) => new(person.Id, person.DisplayName, person.Department, 1.0, ["declares kubernetes"]);

    private static MimeMessage Parse(string source) => MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(source)));
}

public sealed class Digest_on_Sqlite(SqliteDigest fixture) : DigestTests(fixture), IClassFixture<SqliteDigest>;

public sealed class Digest_on_Postgres(PostgresDigest fixture) : DigestTests(fixture), IClassFixture<PostgresDigest>;
