using System.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace KnowledgeHub.ServiceDefaults.Health;

/// <summary>
/// Logs a readiness check when its status changes, not at every probe. The platform and the gateway
/// probe each process every few seconds (the tests several times a second), and ASP.NET's own line per
/// probe of a check that is not healthy filled a process's log with the same warning for as long as a
/// dependency was away (thousands in the fault suite's broker outage); that line is switched off
/// (<see cref="ServiceDefaultsExtensions"/>). What changed, and for how long, is what an operator reads.
/// </summary>
internal sealed partial class ReadinessTransitions(ILogger<ReadinessTransitions> logger)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (HealthStatus Status, long Since)> _last = new(StringComparer.Ordinal);

    public void Observe(HealthReport report)
    {
        lock (_lock)
        {
            foreach (var (name, entry) in report.Entries)
            {
                // A check never seen before counts as healthy: one that starts unhealthy is logged.
                var (status, since) = _last.TryGetValue(name, out var last) ? last : (HealthStatus.Healthy, Stopwatch.GetTimestamp());
                if (status == entry.Status)
                {
                    continue;
                }

                _last[name] = (entry.Status, Stopwatch.GetTimestamp());
                if (entry.Status == HealthStatus.Healthy)
                {
                    LogHealthyAgain(logger, name, status, Stopwatch.GetElapsedTime(since).TotalSeconds);
                }
                else
                {
                    LogNotHealthy(logger, entry.Exception, name, entry.Status, entry.Description);
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Readiness check {Check} is {Status}: {Description}")]
    private static partial void LogNotHealthy(ILogger logger, Exception? exception, string check, HealthStatus status, string? description);

    [LoggerMessage(Level = LogLevel.Information, Message = "Readiness check {Check} is healthy again; it was {Status} for {Seconds:F1} s.")]
    private static partial void LogHealthyAgain(ILogger logger, string check, HealthStatus status, double seconds);
}
