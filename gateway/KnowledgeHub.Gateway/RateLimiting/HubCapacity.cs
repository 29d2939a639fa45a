using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KnowledgeHub.Gateway.RateLimiting;

/// <summary>How many of the hub's request slots (<c>RateLimiting:MaxConcurrentRequests</c>) are taken.</summary>
internal sealed class HubCapacity(int maxConcurrentRequests)
{
    private int _inProgress;

    public int MaxConcurrentRequests { get; } = maxConcurrentRequests;

    public int InProgress => Volatile.Read(ref _inProgress);

    /// <summary>Counts one request in until the returned slot is disposed.</summary>
    public IDisposable Take()
    {
        Interlocked.Increment(ref _inProgress);
        return new Slot(this);
    }

    private sealed class Slot(HubCapacity capacity) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                Interlocked.Decrement(ref capacity._inProgress);
            }
        }
    }
}

/// <summary>
/// A hub whose every slot is taken answers nothing but 429: readiness says so (503), so that a
/// balancer sends new callers elsewhere and an operator sees it, instead of a green health page.
/// </summary>
internal sealed class HubCapacityHealthCheck(HubCapacity capacity) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var inProgress = capacity.InProgress;
        var description = string.Create(CultureInfo.InvariantCulture, $"{inProgress} of {capacity.MaxConcurrentRequests} requests in progress.");
        return Task.FromResult(inProgress >= capacity.MaxConcurrentRequests
            ? HealthCheckResult.Degraded("Saturated: " + description)
            : HealthCheckResult.Healthy(description));
    }
}
