using System.Diagnostics;
using System.Globalization;
using System.Net;
using KnowledgeHub.Data;
using KnowledgeHub.Notifications;
using KnowledgeHub.Testing;

namespace KnowledgeHub.Benchmarks.Notifications;

/// <summary>
/// Issue 19's digest run: <paramref name="people"/> people with a daily digest and something to read
/// in it, their digest hour just passed; the time from the moment they become due until every digest
/// is accepted by a real SMTP server and marked sent. The server is smtp4dev, as the tests start it,
/// unless <paramref name="mailServer"/> names one already running (a production mail server such as
/// Postfix: smtp4dev, a development server, is slower than the sender).
/// </summary>
internal sealed class DigestScenario(int people, DnsEndPoint? mailServer)
{
    private const string Target = "<= 60 s";
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    /// <summary>Reads <c>--smtp host:port</c>, the mail server a digest run sends to instead of smtp4dev.</summary>
    public static DnsEndPoint? MailServerOf(IReadOnlyList<string> args)
    {
        var at = args.ToList().IndexOf("--smtp");
        if (at < 0)
        {
            return null;
        }

        var value = at + 1 < args.Count ? args[at + 1] : "";
        var colon = value.LastIndexOf(':');
        return colon > 0 && int.TryParse(value[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536
            ? new DnsEndPoint(value[..colon], port)
            : throw new ArgumentException($"--smtp wants host:port, not '{value}'");
    }

    public async Task RunAsync(Report report)
    {
        if (mailServer is not null)
        {
            var what = $"digest run for {people:N0} people through the mail server at {mailServer.Host}:{mailServer.Port}";
            var elapsed = await SendDigestsAsync(mailServer.Host, mailServer.Port, what);
            report.Add(what, elapsed.TotalSeconds, "s", Target, elapsed <= Limit);
            return;
        }

        var throughSmtp4dev = $"digest run for {people:N0} people through smtp4dev";
        if (await SmtpTestServer.UnavailableReasonAsync() is { } reason)
        {
            report.NotMeasured(throughSmtp4dev, Target, reason);
            return;
        }

        await using var smtp = await SmtpTestServer.StartAsync();
        var took = await SendDigestsAsync(smtp.Host, smtp.Port, throughSmtp4dev);
        var received = await smtp.MessagesToAsync(ReaderEmail(people - 1));
        Console.WriteLine($"  the last reader's mailbox holds {received.Count}");
        report.Add(throughSmtp4dev, took.TotalSeconds, "s", Target, received.Count == 1 && took <= Limit);
    }

    /// <summary>The time from the digests becoming due until the server has accepted every one.</summary>
    private async Task<TimeSpan> SendDigestsAsync(string smtpHost, int smtpPort, string what)
    {
        await using var host = await ModuleTestHost.StartAsync(
            NotificationsModule.Name,
            DatabaseProvider.Sqlite,
            builder => builder.AddNotifications(),
            app => app.MapNotifications(),
            new Dictionary<string, string?>
            {
                ["Notifications:PublicUrl"] = "http://hub.example.test",
                ["Notifications:Smtp:Host"] = smtpHost,
                ["Notifications:Smtp:Port"] = smtpPort.ToString(CultureInfo.InvariantCulture),
                ["Notifications:Smtp:UseTls"] = "false",
                // The digest hour (UTC) is the current one: the digests are due as soon as the preferences say so.
                ["Notifications:Digest:Hour"] = DateTimeOffset.UtcNow.Hour.ToString(CultureInfo.InvariantCulture),
                ["Notifications:Digest:PollInterval"] = "00:00:00.2",
            });
        var database = host.Get<NotificationsDatabase>();
        var readers = Enumerable.Range(0, people).Select(number => (Id: Guid.NewGuid(), Email: ReaderEmail(number))).ToList();
        await SeedReadersAsync(database, readers);

        var clock = Stopwatch.StartNew();
        await ChooseDailyDigestsAsync(database, readers);
        await Eventually.AssertAsync(
            async () =>
            {
                await using var session = await database.OpenSessionAsync();
                return await session.ScalarAsync<long>("SELECT count(*) FROM digests WHERE status = 'sent'") == people;
            },
            TimeSpan.FromMinutes(10),
            $"{people:N0} digests sent");
        var elapsed = clock.Elapsed;
        Console.WriteLine($"  {what}: {elapsed.TotalSeconds:0.0} s ({people / elapsed.TotalSeconds:0} per second)");
        return elapsed;
    }

    private static string ReaderEmail(int number) => $"reader{number}@example.test";

    /// <summary>Each reader known with an address and one piece of followed activity from half an hour ago.</summary>
    private static async Task SeedReadersAsync(NotificationsDatabase database, IReadOnlyList<(Guid Id, string Email)> readers)
    {
        var at = DateTimeOffset.UtcNow.AddMinutes(-30);
        await using var work = await database.BeginAsync();
        await work.ExecuteAsync(
            "INSERT INTO people (id, display_name, email, version) VALUES (@Id, @Email, @Email, 1)",
            readers.Select(reader => new { reader.Id, reader.Email }));
        await work.ExecuteAsync(
            """
            INSERT INTO notifications (id, recipient_id, kind, title, url, actor_id, dedupe_key, created_at)
            VALUES (@Id, @Recipient, 'followed-activity', 'New article: What changed this week', @Url, NULL, @Key, @At)
            """,
            readers.Select((reader, number) => new { Id = Guid.CreateVersion7(at), Recipient = reader.Id, Url = $"/posts/{number}", Key = $"post-published:{number}", At = at }));
        await work.CommitAsync();
    }

    /// <summary>Daily digests, chosen two hours ago (before the period began), in one transaction.</summary>
    private static async Task ChooseDailyDigestsAsync(NotificationsDatabase database, IReadOnlyList<(Guid Id, string Email)> readers)
    {
        var chosen = DateTimeOffset.UtcNow.AddHours(-2);
        await using var work = await database.BeginAsync();
        await work.ExecuteAsync(
            "INSERT INTO preferences (person_id, digest, time_zone, digest_since, updated_at) VALUES (@Id, 'daily', 'UTC', @Chosen, @Chosen)",
            readers.Select(reader => new { reader.Id, Chosen = chosen }));
        await work.CommitAsync();
    }
}
