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
        var answers = await Task.WhenAll(urls.Select(url => IsReadyAsync(client, url, cancellationToken)));
        var ready = answers.Count(isReady => isReady);
        return ready > 0
            ? HealthCheckResult.Healthy($"{ready} of {urls.Count} {name} instances ready.")
            : HealthCheckResult.Unhealthy($"No {name} instance is ready.");
    }

    private static async Task<bool> IsReadyAsync(HttpClient client, Uri url, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.GetAsync(new Uri(url, "/health/ready"), cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }
}
