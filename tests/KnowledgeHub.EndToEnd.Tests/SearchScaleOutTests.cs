using System.Net;
using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.EndToEnd.Tests;

/// <summary>
/// Two Search instances, each with its own Lucene index: the search feed carries every document
/// into both while the events themselves go to one instance or the other.
/// </summary>
[Collection(ScaleOutHubFixture.Collection)]
public sealed class SearchScaleOutTests(ScaleOutHubFixture fixture)
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
        var postIds = await ScaleOutTraffic.PublishPostsAsync(author, communityId, Posts, number => $"Feed note {number} {marker}", "search");

        // Every instance's own index finds every post, exactly once; so does the gateway, whichever instance answers.
        foreach (var instance in searches)
        {
            using var direct = new HttpClient { BaseAddress = instance.Url };
            direct.DefaultRequestHeaders.Authorization = author.DefaultRequestHeaders.Authorization;
            await UntilEveryPostOnceAsync(direct, marker, postIds, instance.Name);
        }

        await UntilEveryPostOnceAsync(author, marker, postIds, "the gateway");

        // Competing consumers: each PostPublished was received by one instance only, and both took some.
        var received = searches.Select(instance => ScaleOutTraffic.ReceivedMessageIds(instance, "post-published")).ToList();
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
}
