using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.EndToEnd.Tests;

/// <summary>
/// A hub with two Communities instances and two Search instances behind the gateway, each service's
/// instances on one database and one set of queues (competing consumers).
/// </summary>
public sealed class ScaleOutHubFixture : IAsyncLifetime
{
    public const string Collection = "scale-out";

    private string? _unavailable;

    public DistributedHub Hub { get; private set; } = null!;

    public void SkipIfUnavailable() => Requirements.SkipUnlessMet(_unavailable);

    public async ValueTask InitializeAsync()
    {
        _unavailable = await DistributedHub.UnavailableReasonAsync();
        if (_unavailable is null)
        {
            Hub = await DistributedHub.StartAsync(
                instances: new Dictionary<string, int> { ["communities"] = 2, ["search"] = 2 },
                // What an operator would read to see which instance did what: finished requests, received messages.
                serviceEnvironment: new Dictionary<string, string>
                {
                    ["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
                    ["Logging__LogLevel__MassTransit"] = "Debug",
                });

            // The gateway probes each instance every 5 s, and one that failed its probes while it started
            // stays out of the rotation until a probe passes: the tests start once both Communities
            // instances are served to, not in that gap (one instance then took every post).
            var client = await new HubFlow(Hub.CreateGatewayClient).SignInAsync($"rotation.{Guid.NewGuid():N}@example.com", "IT");
            await ScaleOutTraffic.UntilEachServesAsync(client, Hub.Instances["communities"], "both Communities instances to be in the gateway's rotation");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_unavailable is null)
        {
            await Hub.DisposeAsync();
        }
    }
}

// Alone, after the parallel collections: six more processes beside another five-process hub
// exhaust a shared machine's PostgreSQL connections and its two cores.
[CollectionDefinition(ScaleOutHubFixture.Collection, DisableParallelization = true)]
public sealed class ScaleOutCollection : ICollectionFixture<ScaleOutHubFixture>;

[Collection(ScaleOutHubFixture.Collection)]
public sealed partial class ScaleOutTests(ScaleOutHubFixture fixture)
{
    private const int Posts = 24;
    private const int Colleagues = 8;

    [Fact]
    public async Task Two_Communities_instances_share_the_writes_and_every_post_counts_once_downstream()
    {
        fixture.SkipIfUnavailable();
        var hub = fixture.Hub;
        var communities = hub.Instances["communities"];
        Assert.Equal(2, communities.Count);

        var flow = new HubFlow(hub.CreateGatewayClient);
        var department = "S" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var marker = "zs" + Guid.NewGuid().ToString("N")[..10];
        var author = await flow.SignInAsync($"author.{marker}@example.com", department);
        var authorId = (await author.GetJsonAsync("/api/people/me"))["id"]!.GetValue<string>();
        // Each first visit provisions a profile whose PersonProfileChanged the Communities instances compete for.
        for (var colleague = 0; colleague < Colleagues; colleague++)
        {
            var client = await flow.SignInAsync($"colleague{colleague}.{marker}@example.com", department);
            await client.GetJsonAsync("/api/people/me");
        }

        var community = await author.PostJsonAsync("/api/communities", new { name = $"Scale {marker}", description = "", tags = new[] { "kubernetes" }, visibility = "open" }, HttpStatusCode.Created);
        var communityId = community["id"]!.GetValue<string>();
        var postIds = await ScaleOutTraffic.PublishPostsAsync(author, communityId, Posts, number => $"Scaling note {number} {marker}", "kubernetes");

        Assert.Equal(Posts, postIds.Count);
        var listed = await author.GetJsonAsync($"/api/communities/{communityId}/posts?limit=100");
        Assert.Equal(postIds, Ids(listed));

        // Nothing lost and nothing twice: Expertise holds one piece of evidence per post, Search one hit per post.
        var evidence = await Eventually.GetAsync(
            async () => await author.GetJsonAsync("/api/people/me/evidence?kind=post&limit=100") is var mine && mine["items"]!.AsArray().Count >= Posts ? mine : null,
            TimeSpan.FromSeconds(30),
            "every post to reach Expertise as evidence");
        var pieces = evidence["items"]!.AsArray();
        Assert.Equal(Posts, pieces.Count);
        Assert.Equal(
            Enumerable.Range(0, Posts).Select(number => $"Article \"Scaling note {number} {marker}\"").Order(),
            pieces.Select(piece => piece!["detail"]!.GetValue<string>()).Order());

        var found = await Eventually.GetAsync(
            async () => await author.GetJsonAsync($"/api/search?q={marker}&type=post&limit=100") is var hits && Ids(hits).IsSupersetOf(postIds) ? hits : null,
            TimeSpan.FromSeconds(30),
            "every post to be searchable");
        Assert.Equal(Posts, found["items"]!.AsArray().Count);

        // Both instances served some of the posts, and together exactly all of them.
        var requestLogs = communities.Select(instance => instance.OutputLines.Where(line =>
            line.Contains("Request finished", StringComparison.Ordinal) && line.Contains("POST http", StringComparison.Ordinal)
            && line.Contains($"/api/communities/{communityId}/posts - 201", StringComparison.Ordinal)).ToList()).ToList();
        var served = requestLogs.Select(lines => lines.Count).ToList();
        Assert.All(served, count => Assert.True(count > 0, $"Each instance serves some posts; served: {string.Join(", ", served)}."));
        Assert.Equal(Posts, served.Sum());
        // Production logs are JSON lines that carry the request's trace id.
        Assert.All(requestLogs.SelectMany(lines => lines), line => Assert.Matches(TracedJsonLine(), line));

        // Competing consumers: every profile event was received by exactly one instance.
        var received = communities.Select(instance => ScaleOutTraffic.ReceivedMessageIds(instance, "person-profile-changed")).ToList();
        Assert.All(received, ids => Assert.NotEmpty(ids));
        Assert.Empty(received[0].Intersect(received[1]));
        TestContext.Current.SendDiagnosticMessage($"Posts served per instance: {string.Join(", ", served)}; profile events received per instance: {string.Join(", ", received.Select(ids => ids.Count))}.");
    }

    [Fact]
    public async Task A_dead_Communities_instance_leaves_the_rotation_and_rejoins_when_it_is_back()
    {
        fixture.SkipIfUnavailable();
        var hub = fixture.Hub;
        var returning = hub.Instances["communities"][1];
        var client = await new HubFlow(hub.CreateGatewayClient).SignInAsync($"failover.{Guid.NewGuid():N}@example.com", "IT");
        using var anonymous = hub.CreateGatewayClient();

        await returning.KillAsync();

        // Within a few health-check periods the gateway stops sending to it: a burst of calls all succeed.
        await Eventually.AssertAsync(async () => (await ScaleOutTraffic.BurstAsync(client, "/api/communities?limit=1")).All(status => status == HttpStatusCode.OK), TimeSpan.FromSeconds(30), "every call to succeed with one instance dead");
        var health = await anonymous.GetJsonAsync("/health/ready");
        Assert.Contains("1 of 2 communities instances ready.", health.ToJsonString(), StringComparison.Ordinal);

        returning.Start();
        await returning.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        await ScaleOutTraffic.UntilEachServesAsync(client, [returning], "the returned instance to serve again");
    }

    private static HashSet<string> Ids(JsonNode page) => HubFlow.Ids(page);

    [GeneratedRegex("""^\{.*"TraceId":"[0-9a-f]{32}".*\}$""")]
    private static partial Regex TracedJsonLine();
}

/// <summary>What the scale-out tests send through the gateway and read back from each instance.</summary>
internal static class ScaleOutTraffic
{
    /// <summary>Publishes <paramref name="count"/> articles, four at a time so the gateway spreads them, and returns their ids.</summary>
    public static async Task<HashSet<string>> PublishPostsAsync(HttpClient author, string communityId, int count, Func<int, string> title, string tag)
    {
        var postIds = new HashSet<string>();
        foreach (var batch in Enumerable.Range(0, count).Chunk(4))
        {
            var created = await Task.WhenAll(batch.Select(number => author.PostJsonAsync(
                $"/api/communities/{communityId}/posts",
                new { type = "article", title = title(number), body = "What we learned", tags = new[] { tag } },
                HttpStatusCode.Created)));
            postIds.UnionWith(created.Select(post => post["id"]!.GetValue<string>()));
        }

        return postIds;
    }

    /// <summary>
    /// Sends bursts of community searches through the gateway until every call succeeds and each of
    /// <paramref name="instances"/> has served one (its request log names the burst's marker).
    /// </summary>
    public static Task UntilEachServesAsync(HttpClient client, IReadOnlyCollection<HubProcess> instances, string what)
    {
        var marker = "zr" + Guid.NewGuid().ToString("N")[..10];
        return Eventually.AssertAsync(
            async () =>
            {
                var statuses = await BurstAsync(client, $"/api/communities?q={marker}");
                return statuses.All(status => status == HttpStatusCode.OK)
                    && instances.All(instance => instance.OutputLines.Any(line => line.Contains("Request finished", StringComparison.Ordinal) && line.Contains(marker, StringComparison.Ordinal)));
            },
            TimeSpan.FromSeconds(30),
            what);
    }

    /// <summary>Ten calls of <paramref name="url"/> at once; their statuses.</summary>
    public static async Task<HttpStatusCode[]> BurstAsync(HttpClient client, string url) =>
        await Task.WhenAll(Enumerable.Range(0, 10).Select(async _ =>
        {
            using var response = await client.GetAsync(url);
            return response.StatusCode;
        }));

    /// <summary>The message ids of one kind of event (its URN's name) that an instance's consumers received, from MassTransit's debug log.</summary>
    public static HashSet<string> ReceivedMessageIds(HubProcess instance, string eventName)
    {
        var receive = new Regex($@"RECEIVE \S+{Regex.Escape(eventName)} (?<id>[0-9a-f-]{{36}})");
        return instance.OutputLines.Select(line => receive.Match(line)).Where(match => match.Success).Select(match => match.Groups["id"].Value).ToHashSet();
    }
}
