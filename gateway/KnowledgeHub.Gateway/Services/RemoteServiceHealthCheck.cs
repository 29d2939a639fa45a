using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KnowledgeHub.Gateway.Services;

/// <summary>The gateway is ready only when at least one instance of each remote service is.</summary>
internal sealed class RemoteServiceHealthCheck(IHttpClientFactory clients, string name, IReadOnlyList<Uri> urls) : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var client = clients.CreateClient();
        client.Timeout = Timeout;
        var ready = 0;
        foreach (var url in urls)
        {
            try
            {
                using var response = await client.GetAsync(new Uri(url, "/health/ready"), cancellationToken);
                ready += response.IsSuccessStatusCode ? 1 : 0;
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // Unreachable counts as not ready.
            }
        }

        return ready > 0
            ? HealthCheckResult.Healthy($"{ready} of {urls.Count} {name} instances ready.")
            : HealthCheckResult.Unhealthy($"No {name} instance is ready.");
    }
}
