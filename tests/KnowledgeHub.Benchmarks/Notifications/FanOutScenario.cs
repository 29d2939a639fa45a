using System.Diagnostics;
using System.Net;
using KnowledgeHub.Benchmarks.Load;
using KnowledgeHub.Data;
using KnowledgeHub.Notifications;
using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.Testing;

namespace KnowledgeHub.Benchmarks.Notifications;

/// <summary>
/// Issue 19's fan-out, through the standalone hub run as a process: a community followed by
/// <paramref name="followers"/> people and one nobody follows each get <paramref name="posts"/> posts,
/// in alternating pairs. Measured: each post's 201 (with and without followers), and for a followed
/// post the time from its 201 until every follower's notification is committed, i.e. readable by
/// <c>GET /api/notifications</c> (one follower signs in and reads it there at the end).
/// </summary>
internal sealed class FanOutScenario(int followers, int posts)
{
    private static readonly TimeSpan ReadableDeadline = TimeSpan.FromSeconds(120);

    public async Task RunAsync(Report report)
    {
        var data = Directory.CreateTempSubdirectory("kh-bench-fanout-").FullName;
        try
        {
            await using var hub = Hubs.Standalone(data);
            hub.Start();
            await hub.WaitUntilReadyAsync(TimeSpan.FromSeconds(120));
            var marker = Guid.NewGuid().ToString("N")[..8];
            using var author = await Hubs.SignInAsync(hub.Url, $"author.{marker}@example.com", "IT");
            var followed = await CreateCommunityAsync(author, $"Followed {marker}");
            var quiet = await CreateCommunityAsync(author, $"Quiet {marker}");
            var followerEmails = Enumerable.Range(0, followers).Select(number => $"follower{number}.{marker}@example.com").ToList();
            await using var database = new NotificationsDatabase(new ModuleDatabaseSettings(
                NotificationsModule.Name, DatabaseProvider.Sqlite, $"Data Source={Path.Combine(data, "notifications.db")};Default Timeout=30", []));
            await FollowAsync(database, followerEmails, followed);

            for (var warmUp = 0; warmUp < 5; warmUp++)
            {
                await PostAsync(author, quiet, $"Warm-up {warmUp}");
            }

            var (withFollowers, withoutFollowers, readable) = (new List<double>(), new List<double>(), new List<double>());
            string? lastPost = null;
            for (var pair = 0; pair < posts; pair++)
            {
                // Which of the pair goes first alternates, so neither always follows the other's work.
                if (pair % 2 == 0)
                {
                    withoutFollowers.Add((await PostAsync(author, quiet, $"Unfollowed {pair}")).Milliseconds);
                }

                var (milliseconds, postId) = await PostAsync(author, followed, $"Followed {pair}");
                withFollowers.Add(milliseconds);
                var clock = Stopwatch.StartNew();
                await Eventually.AssertAsync(
                    async () => await CountAsync(database, postId) == followers, ReadableDeadline, $"{followers:N0} notifications of post {pair}");
                readable.Add(clock.Elapsed.TotalMilliseconds);
                lastPost = postId;
                if (pair % 2 == 1)
                {
                    withoutFollowers.Add((await PostAsync(author, quiet, $"Unfollowed {pair}")).Milliseconds);
                }
            }

            using var reader = await Hubs.SignInAsync(hub.Url, followerEmails[^1], "HR");
            var page = await reader.GetJsonAsync("/api/notifications?limit=100");
            var seen = page["items"]!.AsArray().Any(item => item!["url"]!.GetValue<string>() == $"/posts/{lastPost}");
            var (withLatencies, withoutLatencies, readableLatencies) = (new Latencies(withFollowers), new Latencies(withoutFollowers), new Latencies(readable));
            Console.WriteLine($"  post 201, {followers:N0} followers: {withLatencies}");
            Console.WriteLine($"  post 201, no followers: {withoutLatencies}");
            Console.WriteLine($"  201 -> all {followers:N0} notifications readable: {readableLatencies}; the last follower reads it through the API: {seen}");
            report.Add($"fan-out: post 201 -> {followers:N0} notifications readable, max of {posts}", readableLatencies.At(1), "ms", "<= 5 s", seen && readableLatencies.At(1) <= 5_000);
            report.Add($"fan-out: post 201 p50 with {followers:N0} followers", withLatencies.P50, "ms", "no slower than without", null);
            report.Add("fan-out: post 201 p50 without followers", withoutLatencies.P50, "ms", "-", null);
            // Interleaved pairs on a shared machine: "no slower" allows the noise of a few milliseconds.
            report.Add(
                $"fan-out: post 201 p50 with / without followers ({posts} pairs)",
                withLatencies.P50 / withoutLatencies.P50,
                "x",
                "<= 1.2",
                withLatencies.P50 <= withoutLatencies.P50 * 1.2);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task<string> CreateCommunityAsync(HttpClient author, string name) =>
        (await author.PostJsonAsync("/api/communities", new { name, description = "Fan-out benchmark", tags = new[] { "benchmark" }, visibility = "open" }, HttpStatusCode.Created))["id"]!.GetValue<string>();

    private static async Task<(double Milliseconds, string PostId)> PostAsync(HttpClient author, string community, string title)
    {
        var clock = Stopwatch.StartNew();
        var post = await author.PostJsonAsync(
            $"/api/communities/{community}/posts", new { type = "article", title, body = "What changed this week.", tags = new[] { "benchmark" } }, HttpStatusCode.Created);
        return (clock.Elapsed.TotalMilliseconds, post["id"]!.GetValue<string>());
    }

    /// <summary>The followers as the follow route would write them, in one transaction: the hub's own data, not its API, is seeded.</summary>
    private static async Task FollowAsync(NotificationsDatabase database, IEnumerable<string> emails, string community)
    {
        await using var work = await database.BeginAsync();
        var now = DateTimeOffset.UtcNow;
        await work.ExecuteAsync(
            """
            INSERT INTO follows (person_id, target_key, kind, target_id, target_ref, created_at)
            VALUES (@Person, @Key, 'community', @Target, @Ref, @Now)
            """,
            emails.Select(email => new { Person = PersonIds.FromEmail(email), Key = $"community:{community}", Target = community, Ref = Guid.Parse(community), Now = now }));
        await work.CommitAsync();
    }

    private static async Task<long> CountAsync(NotificationsDatabase database, string postId)
    {
        await using var session = await database.OpenSessionAsync();
        return await session.ScalarAsync<long>(
            "SELECT count(*) FROM notifications WHERE dedupe_key = @Key", new { Key = $"post-published:{postId}" });
    }
}
