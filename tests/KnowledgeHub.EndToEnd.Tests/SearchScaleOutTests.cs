using System.Net;
using System.Text.RegularExpressions;
using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.EndToEnd.Tests;

/// <summary>
/// Two Search instances behind the gateway on one database and one set of queues (competing
/// consumers), each with its own Lucene index: the search feed carries every document into both.
/// </summary>
public sealed class SearchScaleOutHubFixture : IAsyncLifetime
{
    public const string Collection = "search-scale-out";

    private string? _unavailable;

    public DistributedHub Hub { get; private set; } = null!;

    public void SkipIfUnavailable() => Assert.SkipWhen(_unavailable is not null, _unavailable ?? "");

    public async ValueTask InitializeAsync()
    {
        _unavailable = await DistributedHub.UnavailableReasonAsync();
        if (_unavailable is null)
        {
            Hub = await DistributedHub.StartAsync(
                instances: new Dictionary<string, int> { ["search"] = 2 },
                serviceEnvironment: new Dictionary<string, string> { ["Logging__LogLevel__MassTransit"] = "Debug" });
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

[CollectionDefinition(SearchScaleOutHubFixture.Collection)]
public sealed class SearchScaleOutCollection : ICollectionFixture<SearchScaleOutHubFixture>;

[Collection(SearchScaleOutHubFixture.Collection)]
public sealed partial class SearchScaleOutTests(SearchScaleOutHubFixture fixture)
{
    private const int Posts = 24;

    [Fact]
    public async Task Two_Search_instances_share_the_events_and_each_finds_every_post_once()
    {
        fixture.SkipIfUnavailable();
        var hub = fixture.Hub;
        var searches = hub.Instances["search"];
        var flow = new HubFlow(hub.CreateGatewayClient);
        var marker = "zf" + Guid.NewGuid().ToString("N")[..10];
        var author = await flow.SignInAsync($"author.{marker}@example.com", "IT");
        await author.GetJsonAsync("/api/people/me");
        var community = await author.PostJsonAsync("/api/communities", new { name = $"Feed {marker}", description = "", tags = new[] { "search" }, visibility = "open" }, HttpStatusCode.Created);
        var communityId = community["id"]!.GetValue<string>();
        var postIds = new HashSet<string>();
        foreach (var batch in Enumerable.Range(0, Posts).Chunk(4))
        {
            var created = await Task.WhenAll(batch.Select(number => author.PostJsonAsync(
                $"/api/communities/{communityId}/posts",
                new { type = "article", title = $"Feed note {number} {marker}", body = "Followed by every instance", tags = new[] { "search" } },
                HttpStatusCode.Created)));
            postIds.UnionWith(created.Select(post => post["id"]!.GetValue<string>()));
        }

        // Every instance's own index finds every post, exactly once; so does the gateway, whichever instance answers.
        foreach (var instance in searches)
        {
            using var direct = new HttpClient { BaseAddress = instance.Url };
            direct.DefaultRequestHeaders.Authorization = author.DefaultRequestHeaders.Authorization;
            await UntilEveryPostOnceAsync(direct, marker, postIds, instance.Name);
        }

        await UntilEveryPostOnceAsync(author, marker, postIds, "the gateway");

        // Competing consumers: each PostPublished was received by one instance only, and both took some.
        var received = searches.Select(instance => ReceivedPosts(instance).ToHashSet()).ToList();
        TestContext.Current.SendDiagnosticMessage($"PostPublished received per Search instance: {string.Join(", ", received.Select(ids => ids.Count))}.");
        Assert.Empty(received[0].Intersect(received[1]));
        Assert.All(received, ids => Assert.NotEmpty(ids));
    }

    private static Task UntilEveryPostOnceAsync(HttpClient client, string marker, HashSet<string> postIds, string where) =>
        Eventually.AssertAsync(
            async () =>
            {
                var ids = (await client.GetJsonAsync($"/api/search?q={marker}&type=post&limit=100"))["items"]!.AsArray().Select(item => item!["id"]!.GetValue<string>()).ToList();
                return ids.Count == postIds.Count && ids.ToHashSet().SetEquals(postIds);
            },
            TimeSpan.FromSeconds(30),
            $"{where} to find each of the {postIds.Count} posts once");

    private static IEnumerable<string> ReceivedPosts(HubProcess instance) =>
        instance.OutputLines.Select(line => ReceiveLine().Match(line)).Where(match => match.Success).Select(match => match.Groups["id"].Value);

    [GeneratedRegex(@"RECEIVE \S+post-published (?<id>[0-9a-f-]{36})")]
    private static partial Regex ReceiveLine();
}
