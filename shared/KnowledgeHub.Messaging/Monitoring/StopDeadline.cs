using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KnowledgeHub.Messaging.Monitoring;

/// <summary>
/// Ends the process with an exit code when the host has not finished stopping by a deadline. Stopping
/// waits for the bus's receive endpoints, and <see cref="StuckConsumersWatchdog"/> stops the host exactly
/// when some of them are stuck (docs/adr/0085): such a stop once hung for over a minute, leaving a process
/// that neither worked nor ended for its orchestrator to start again (a wait RabbitMQ.Client 7.2.2 never
/// ends once the broker closed its channel: rabbitmq-dotnet-client #1976, ADR 0085).
/// </summary>
internal sealed partial class StopDeadline(IHostApplicationLifetime lifetime, TimeProvider time, ILogger logger, Action<int> exit)
{
    /// <summary>From now, <paramref name="deadline"/> for the host to stop on its own; then <paramref name="exitCode"/> regardless.</summary>
    public void Arm(TimeSpan deadline, int exitCode)
    {
        var timer = time.CreateTimer(
            _ =>
            {
                LogEnding(logger, deadline, exitCode);
                exit(exitCode);
            },
            null,
            deadline,
            Timeout.InfiniteTimeSpan);
        lifetime.ApplicationStopped.Register(timer.Dispose);
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "The process did not stop within {Deadline}; ending it now with exit code {ExitCode}.")]
    private static partial void LogEnding(ILogger logger, TimeSpan deadline, int exitCode);
}
