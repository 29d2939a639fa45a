using System.Text.Json.Nodes;
using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.Reliability.Tests;

/// <summary>
/// The counts of one scenario, in the terms of Elasticsearch's acked-indexing test: every
/// acknowledged write must be found exactly once in its service and in search (lost = 0,
/// duplicated = 0), and nothing may be found that no write caused (unexplained = 0). Writes that
/// failed or timed out may or may not have taken effect, but at most once.
/// </summary>
public sealed record Tally(string Scenario, int Written, int Acknowledged, int FoundInService, int FoundInSearch, int Lost, int Duplicated, int Unexplained, long OutboxPending)
{
    /// <summary>What the hub showed when the counts came out wrong (queues, readiness, last warnings); empty when they are right.</summary>
    public string Diagnosis { get; init; } = "";

    public bool Holds => Lost == 0 && Duplicated == 0 && Unexplained == 0 && OutboxPending == 0;

    public override string ToString() =>
        $"{Scenario}: written {Written}, acknowledged {Acknowledged}, found {Math.Min(FoundInService, FoundInSearch)} " +
        $"(service {FoundInService}, search {FoundInSearch}), lost {Lost}, duplicated {Duplicated}, unexplained {Unexplained}, outbox pending {OutboxPending}";

    public void AssertNothingLostOrDuplicated()
    {
        Assert.True(Holds, $"{this}\n{Diagnosis}");
        Assert.True(Acknowledged > 0, $"{Scenario}: no write was acknowledged, so nothing was proved.");
    }
}

/// <summary>
/// Checks a scenario's writes once its fault has healed, and reports the counts; when they are
/// wrong, <paramref name="diagnose"/> says what the hub looked like then, for a run whose processes are gone.
/// </summary>
public sealed class WriteAudit(HttpClient reader, Func<Task<long>> pendingOutboxMessages, Func<Task<string>> diagnose)
{
    // After its broker link heals, a consumer reconnects on MassTransit's own backoff (from 3 s growing
    // to 30 s, counted over the process's life), and an attempt begun during the fault can first
    // fail once more: two such waits must fit before search counts as behind for good.
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);

    public async Task<Tally> CheckAsync(string scenario, string marker, string communityId, IReadOnlyList<WriteAttempt> attempts)
    {
        var acknowledged = attempts.Where(attempt => attempt.Acknowledged).ToDictionary(attempt => attempt.PostId!, attempt => attempt.Title);
        var pending = await Settled(pendingOutboxMessages, count => count == 0);
        var inService = await ListPostsAsync(communityId, marker);
        // Search is eventually consistent: wait until it holds what the service holds, each once.
        var inSearch = await Settled(
            () => SearchPostsAsync(marker),
            ids => ids.Count == inService.Count && ids.ToHashSet().SetEquals(inService.Select(post => post.Id)));

        var serviceIds = inService.Select(post => post.Id).ToHashSet();
        var searchIds = inSearch.ToHashSet();
        var attempted = attempts.Select(attempt => attempt.Title).ToHashSet();
        var tally = new Tally(
            scenario,
            attempts.Count,
            acknowledged.Count,
            acknowledged.Keys.Count(serviceIds.Contains),
            acknowledged.Keys.Count(searchIds.Contains),
            Lost: acknowledged.Keys.Count(id => !serviceIds.Contains(id) || !searchIds.Contains(id)),
            Duplicated: (inService.Count - inService.Select(post => post.Title).Distinct().Count()) + (inSearch.Count - searchIds.Count),
            Unexplained: inService.Count(post => !attempted.Contains(post.Title)) + searchIds.Count(id => !serviceIds.Contains(id)),
            pending);
        if (!tally.Holds)
        {
            tally = tally with { Diagnosis = await diagnose() };
        }

        FaultReport.Record(tally);
        return tally;
    }

    /// <summary>Polls until <paramref name="settled"/> holds or the deadline passes; returns the last reading either way.</summary>
    private static async Task<T> Settled<T>(Func<Task<T>> read, Func<T, bool> settled)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (true)
        {
            var value = await read();
            if (settled(value) || DateTime.UtcNow >= deadline)
            {
                return value;
            }

            await Task.Delay(250);
        }
    }

    private async Task<List<(string Id, string Title)>> ListPostsAsync(string communityId, string marker)
    {
        var posts = new List<(string Id, string Title)>();
        string? cursor = null;
        do
        {
            var page = await GetRespectingRetryAfterAsync($"/api/communities/{communityId}/posts?limit=100{(cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}")}");
            posts.AddRange(Items(page).Select(item => (item["id"]!.GetValue<string>(), item["title"]!.GetValue<string>())).Where(post => post.Item2.StartsWith(marker, StringComparison.Ordinal)));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);
        return posts;
    }

    private async Task<List<string>> SearchPostsAsync(string marker)
    {
        var ids = new List<string>();
        string? cursor = null;
        do
        {
            var page = await GetRespectingRetryAfterAsync($"/api/search?q={marker}&type=post&limit=100{(cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}")}");
            ids.AddRange(Items(page).Select(item => item["id"]!.GetValue<string>()));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);
        return ids;
    }

    /// <summary>
    /// Reads as the scenario's author, who may just have spent their rate limit (the overload
    /// scenario): told 429, the audit waits as Retry-After says and asks again, as a client should.
    /// Told 502 or 503, the gateway's answers while a service starts again (ADR 0085's restart can come
    /// during the audit of scenario 7), it asks again the same way, until its deadline.
    /// </summary>
    private async Task<JsonNode> GetRespectingRetryAfterAsync(string url)
    {
        using var response = await HttpJson.SendRespectingRetryAfterAsync(
            () => reader.GetAsync(url), Deadline, System.Net.HttpStatusCode.BadGateway, System.Net.HttpStatusCode.ServiceUnavailable);
        await response.EnsureStatusAsync(System.Net.HttpStatusCode.OK);
        return await response.ReadJsonAsync();
    }

    private static IEnumerable<JsonNode> Items(JsonNode page) => page["items"]!.AsArray().Select(item => item!);
}
