using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.EndToEnd.Tests;

/// <summary>The same journey through five real processes over RabbitMQ and PostgreSQL.</summary>
public sealed class DistributedTests : IAsyncLifetime
{
    private DistributedHub? _hub;
    private string? _unavailable;

    public async ValueTask InitializeAsync()
    {
        _unavailable = await DistributedHub.UnavailableReasonAsync();
        if (_unavailable is null)
        {
            _hub = await DistributedHub.StartAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_hub is not null)
        {
            await _hub.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_journey_passes_through_the_gateway_to_five_processes()
    {
        Assert.SkipWhen(_unavailable is not null, _unavailable ?? "");
        var hub = _hub!;

        var outcome = await new HubFlow(hub.CreateGatewayClient).RunAsync(TimeSpan.FromSeconds(2));
        TestContext.Current.SendDiagnosticMessage($"Distributed: searchable {outcome.SearchLatency.TotalMilliseconds:0} ms after the last write.");

        Assert.Equal(5, hub.All.Select(process => process.ProcessId).Distinct().Count(id => id is not null));
        // The gateway really proxies: the Communities process answers a direct call for the same post.
        using var direct = new HttpClient { BaseAddress = hub.Services["communities"].Url };
        var client = await new HubFlow(hub.CreateGatewayClient).SignInAsync($"direct.{outcome.Marker}@example.com", "IT");
        direct.DefaultRequestHeaders.Authorization = client.DefaultRequestHeaders.Authorization;
        var post = await direct.GetJsonAsync($"/api/posts/{outcome.PostId}");
        Assert.Equal(outcome.CommunityId, post["communityId"]!.GetValue<string>());
    }
}
