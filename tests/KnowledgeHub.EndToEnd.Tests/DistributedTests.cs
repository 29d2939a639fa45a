using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.EndToEnd.Tests;

/// <summary>The same journey through seven real processes (six services and the gateway) over RabbitMQ and PostgreSQL.</summary>
[Collection(DistributedHubFixture.Collection)]
public sealed class DistributedTests(DistributedHubFixture fixture)
{
    [Fact]
    public async Task The_journey_passes_through_the_gateway_to_seven_processes()
    {
        fixture.SkipIfUnavailable();
        var hub = fixture.Hub;

        var outcome = await new HubFlow(hub.CreateGatewayClient).RunAsync(HubFlow.SearchDeadline);
        TestContext.Current.SendDiagnosticMessage($"Distributed: searchable {outcome.SearchLatency.TotalMilliseconds:0} ms after the last write.");

        Assert.Equal(DistributedHub.ServiceNames.Count + 1, hub.All.Select(process => process.ProcessId).Distinct().Count(id => id is not null));
        // The gateway really proxies: the Communities process answers a direct call for the same post.
        using var direct = new HttpClient { BaseAddress = hub.Services["communities"].Url };
        var client = await new HubFlow(hub.CreateGatewayClient).SignInAsync($"direct.{outcome.Marker}@example.com", "IT");
        direct.DefaultRequestHeaders.Authorization = client.DefaultRequestHeaders.Authorization;
        var post = await direct.GetJsonAsync($"/api/posts/{outcome.PostId}");
        Assert.Equal(outcome.CommunityId, post["communityId"]!.GetValue<string>());
    }
}
