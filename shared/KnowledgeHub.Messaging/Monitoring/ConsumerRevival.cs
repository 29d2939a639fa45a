using System.Collections.Concurrent;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace KnowledgeHub.Messaging.Monitoring;

/// <summary>
/// Follows this process's receive endpoints and, asked by <see cref="StuckConsumersWatchdog"/> when the
/// broker answers while the bus is not healthy, stops and starts again those faulted long enough
/// (<see cref="RevivalSchedule"/>): a new start connects at once instead of at the end of MassTransit's
/// retry delay (docs/adr/0102). MassTransit's own kill switch restarts an endpoint the same way.
/// </summary>
internal sealed partial class ConsumerRevival(TimeProvider time, ILogger<ConsumerRevival> logger) : IReceiveEndpointObserver
{
    /// <summary>Longer than MassTransit's first retry delay (3 s), shorter than the watchdog's check interval.</summary>
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(4);

    /// <summary>MassTransit's longest retry delay for a RabbitMQ receive endpoint.</summary>
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    private readonly RevivalSchedule _schedule = new(Grace, Interval);
    private readonly ConcurrentDictionary<Uri, IReceiveEndpoint> _endpoints = new();

    public Task Ready(ReceiveEndpointReady ready)
    {
        _endpoints[ready.InputAddress] = ready.ReceiveEndpoint;
        _schedule.Ready(ready.InputAddress);
        return Task.CompletedTask;
    }

    public Task Faulted(ReceiveEndpointFaulted faulted)
    {
        _endpoints[faulted.InputAddress] = faulted.ReceiveEndpoint;
        _schedule.Faulted(faulted.InputAddress, time.GetUtcNow());
        return Task.CompletedTask;
    }

    public Task Stopping(ReceiveEndpointStopping stopping) => Task.CompletedTask;

    public Task Completed(ReceiveEndpointCompleted completed) => Task.CompletedTask;

    /// <summary>
    /// Starts the due endpoints again without waiting for them: stopping an endpoint that is stuck rather
    /// than faulted never ends (docs/adr/0085), and the watchdog must go on checking to restart the process.
    /// </summary>
    public void ReviveDue(CancellationToken stoppingToken)
    {
        foreach (var address in _schedule.TakeDue(time.GetUtcNow()))
        {
            if (_endpoints.TryGetValue(address, out var endpoint))
            {
                _ = ReviveAsync(endpoint, stoppingToken);
            }
        }
    }

    private async Task ReviveAsync(IReceiveEndpoint endpoint, CancellationToken stoppingToken)
    {
        try
        {
            LogReviving(logger, endpoint.InputAddress);
            await endpoint.Stop(stoppingToken);
            if (!stoppingToken.IsCancellationRequested)
            {
                endpoint.Start(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping, and stops the bus with every endpoint.
        }
        catch (Exception exception)
        {
            // MassTransit goes on retrying an endpoint it still runs; the next due check tries again.
            LogReviveFailed(logger, endpoint.InputAddress, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "RabbitMQ answers again: starting receive endpoint {Address} again rather than waiting for its next retry.")]
    private static partial void LogReviving(ILogger logger, Uri address);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not start receive endpoint {Address} again.")]
    private static partial void LogReviveFailed(ILogger logger, Uri address, Exception exception);
}
