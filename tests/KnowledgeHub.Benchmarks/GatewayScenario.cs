using KnowledgeHub.Benchmarks.Load;
using KnowledgeHub.Testing;

namespace KnowledgeHub.Benchmarks;

/// <summary>
/// The distributed hub as five processes on the local RabbitMQ and PostgreSQL: throughput of a
/// small GET through the gateway's full pipeline (authentication, rate limit, telemetry, proxy)
/// against the same GET sent to the Communities host directly, in the same run; then freshness.
/// </summary>
internal sealed class GatewayScenario(int connections, TimeSpan duration, int freshnessSamples)
{
    private const string SmallGet = "/api/communities?limit=1";

    public async Task RunAsync(Report report)
    {
        if (await DistributedHub.UnavailableReasonAsync() is { } why)
        {
            report.NotMeasured("gateway throughput / direct", ">= 0.30", why);
            report.NotMeasured("freshness p99, distributed (201 → found)", "<= 1000 ms", why);
            return;
        }

        await using var hub = await DistributedHub.StartAsync();
        using var viaGateway = await Hubs.SignInAsync(hub.Gateway.Url, "bench.gateway@example.com", "IT");
        using var direct = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = hub.Services["communities"].Url };
        direct.DefaultRequestHeaders.Authorization = viaGateway.DefaultRequestHeaders.Authorization;

        var directRate = await ClosedLoop.RequestsPerSecondAsync(() => GetAsync(direct), connections, duration);
        var gatewayRate = await ClosedLoop.RequestsPerSecondAsync(() => GetAsync(viaGateway), connections, duration);
        Console.WriteLine($"  {SmallGet}: direct {directRate:0} requests/s, through the gateway {gatewayRate:0} requests/s");
        report.Add($"gateway throughput / direct ({connections} connections)", gatewayRate / directRate, "", ">= 0.30", gatewayRate / directRate >= 0.30);

        var freshness = await Freshness.MeasureAsync(hub.Gateway.Url, freshnessSamples);
        report.Add("freshness p99, distributed (201 → found)", freshness.P99, "ms", "<= 1000 ms", freshness.P99 <= 1000);
    }

    private static async Task GetAsync(HttpClient client)
    {
        using var response = await client.GetAsync(SmallGet);
        response.EnsureSuccessStatusCode();
    }
}
