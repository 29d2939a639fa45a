using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dapper;
using KnowledgeHub.Contracts.Expertise;
using KnowledgeHub.Notifications.Features.Email;
using KnowledgeHub.Notifications.Features.Inbox;
using KnowledgeHub.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace KnowledgeHub.Notifications.Tests;

/// <summary>A person's own notifications: listed, counted, marked read, streamed live; bad input refused.</summary>
public abstract class InboxTests(NotificationsFixture fixture)
{
    [Fact]
    public async Task Marking_read_counts_the_ids_that_are_not_yours_and_changes_only_your_own()
    {
        var (me, endorser) = (TestUser.Employee("me"), TestUser.Employee("endorser"));
        var other = TestUser.Employee("other");
        await fixture.KnowPeopleAsync(me, endorser, other);
        await EndorseAsync(endorser, me, 3);
        await EndorseAsync(endorser, other, 1);
        var client = fixture.Host.CreateClient(me);
        var mine = await client.WaitForAsync("endorsed", 3);
        var theirs = Assert.Single(await fixture.Host.CreateClient(other).WaitForAsync("endorsed"));

        using var marked = await client.PostAsJsonAsync("/api/notifications/read", new { ids = new[] { mine[0].Text("id"), theirs.Text("id"), Guid.NewGuid().ToString() } });

        await marked.EnsureStatusAsync(HttpStatusCode.NoContent);
        Assert.Equal(("1", "2"), (marked.Headers.GetValues("Notifications-Marked").Single(), marked.Headers.GetValues("Notifications-Ignored").Single()));
        Assert.Equal(2, await client.UnreadAsync());
        Assert.Equal(1, await fixture.Host.CreateClient(other).UnreadAsync());
        var unread = await client.GetJsonAsync("/api/notifications?unread=true");
        Assert.Equal([mine[1].Text("id"), mine[2].Text("id")], unread["items"]!.AsArray().Select(item => item!.Text("id")));
        var read = Assert.Single((await client.GetJsonAsync("/api/notifications?unread=false"))["items"]!.AsArray());
        Assert.NotNull(read!["readAt"]);

        using var all = await client.PostAsJsonAsync("/api/notifications/read", new { all = true });
        await all.EnsureStatusAsync(HttpStatusCode.NoContent);
        Assert.Equal(0, await client.UnreadAsync());
    }

    [Fact]
    public async Task The_list_pages_newest_first_with_a_cursor()
    {
        var (me, endorser) = (TestUser.Employee("me"), TestUser.Employee("endorser"));
        await fixture.KnowPeopleAsync(me, endorser);
        await EndorseAsync(endorser, me, 5);
        var client = fixture.Host.CreateClient(me);
        var everything = await client.WaitForAsync("endorsed", 5);

        var first = await client.GetJsonAsync("/api/notifications?limit=2");
        var second = await client.GetJsonAsync($"/api/notifications?limit=2&cursor={first["nextCursor"]!.GetValue<string>()}");
        var third = await client.GetJsonAsync($"/api/notifications?limit=2&cursor={second["nextCursor"]!.GetValue<string>()}");

        var paged = new[] { first, second, third }.SelectMany(page => page["items"]!.AsArray()).Select(item => item!.Text("id")).ToList();
        Assert.Equal(everything.Select(item => item.Text("id")), paged);
        Assert.Null(third["nextCursor"]);
        var times = everything.Select(item => item["createdAt"]!.GetValue<DateTimeOffset>()).ToList();
        Assert.Equal(times.OrderDescending(), times);
    }

    [Fact]
    public async Task The_stream_sends_each_new_notification_and_needs_a_token()
    {
        var (me, endorser) = (TestUser.Employee("me"), TestUser.Employee("endorser"));
        await fixture.KnowPeopleAsync(me, endorser);
        using var anonymous = await fixture.Host.CreateClient().GetAsync("/api/notifications/stream");
        await anonymous.EnsureStatusAsync(HttpStatusCode.Unauthorized);

        var client = fixture.Host.CreateClient(me);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var response = await client.GetAsync("/api/notifications/stream", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        Assert.Equal(": open", await reader.ReadLineAsync(timeout.Token));

        await EndorseAsync(endorser, me, 1);

        var data = await NextEventAsync(reader, timeout.Token);
        Assert.Equal(("endorsed", endorser.Id.ToString()), (data.Text("kind"), data["actor"]!.Text("id")));
    }

    [Fact]
    public async Task Bad_input_is_refused_naming_the_field()
    {
        var client = fixture.Host.CreateClient(TestUser.Employee("me"));

        using var neither = await client.PostAsJsonAsync("/api/notifications/read", new { });
        using var both = await client.PostAsJsonAsync("/api/notifications/read", new { ids = new[] { Guid.NewGuid() }, all = true });
        using var falseAll = await client.PostAsJsonAsync("/api/notifications/read", new { all = false });
        using var badId = await client.SendRawAsync(HttpMethod.Post, "/api/notifications/read", """{ "ids": ["not-an-id"] }""");
        using var tooMany = await client.PostAsJsonAsync("/api/notifications/read", new { ids = Enumerable.Range(0, 1001).Select(_ => Guid.NewGuid()) });
        using var badCursor = await client.GetAsync("/api/notifications?cursor=nonsense");
        using var badLimit = await client.GetAsync("/api/notifications?limit=1000");

        await neither.AssertRefusedAsync("ids");
        await both.AssertRefusedAsync("ids");
        await falseAll.AssertRefusedAsync("all");
        await badId.EnsureStatusAsync(HttpStatusCode.BadRequest);
        await tooMany.AssertRefusedAsync("ids");
        await badCursor.AssertRefusedAsync("cursor");
        await badLimit.AssertRefusedAsync("limit");
    }

    [Fact]
    public async Task Notifications_older_than_the_retention_are_deleted_read_or_not_and_younger_ones_stay()
    {
        var (me, endorser, other) = (TestUser.Employee("me"), TestUser.Employee("endorser"), TestUser.Employee("other"));
        await fixture.KnowPeopleAsync(me, endorser, other);
        await EndorseAsync(endorser, me, 2);
        await EndorseAsync(endorser, other, 1);
        var client = fixture.Host.CreateClient(me);
        var mine = await client.WaitForAsync("endorsed", 2);
        await fixture.Host.CreateClient(other).WaitForAsync("endorsed");
        using var read = await client.PostAsJsonAsync("/api/notifications/read", new { ids = new[] { mine[0].Text("id") } });
        await read.EnsureStatusAsync(HttpStatusCode.NoContent);
        var settings = fixture.Host.Get<NotificationsSettings>();
        await using (var connection = await fixture.Host.Get<NotificationsDatabase>().OpenAsync(TestContext.Current.CancellationToken))
        {
            await connection.ExecuteAsync(
                "UPDATE notifications SET created_at = @Old WHERE recipient_id = @Id",
                new { Old = DateTimeOffset.UtcNow - settings.Retention - TimeSpan.FromDays(1), me.Id });
        }

        var pruner = new NotificationPruner(fixture.Host.Get<NotificationsDatabase>(), settings, TimeProvider.System, NullLogger<NotificationPruner>.Instance);
        Assert.Equal(2, await pruner.PruneAsync(TestContext.Current.CancellationToken));

        Assert.Empty((await client.GetJsonAsync("/api/notifications"))["items"]!.AsArray());
        Assert.Single((await fixture.Host.CreateClient(other).GetJsonAsync("/api/notifications"))["items"]!.AsArray());
    }

    private Task EndorseAsync(TestUser endorser, TestUser endorsed, int times) =>
        Task.WhenAll(Enumerable.Range(0, times).Select(index =>
            fixture.Host.PublishAsync(new EndorsementGiven(Guid.NewGuid(), endorsed.Id, $"Skill {index}", endorser.Id, DateTimeOffset.UtcNow))));

    /// <summary>The data of the next <c>notification</c> event, skipping comments.</summary>
    private static async Task<JsonNode> NextEventAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        string? kind = null;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                kind = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal) && kind == "notification")
            {
                return JsonNode.Parse(line["data: ".Length..])!;
            }
        }

        throw new EndOfStreamException("The stream ended before a notification.");
    }
}

public sealed class Inbox_on_Sqlite(SqliteNotifications fixture) : InboxTests(fixture), IClassFixture<SqliteNotifications>;

public sealed class Inbox_on_Postgres(PostgresNotifications fixture) : InboxTests(fixture), IClassFixture<PostgresNotifications>;
