using System.Diagnostics;
using System.Text.Json;
using KnowledgeHub.Data;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KnowledgeHub.Messaging.Outbox;

/// <summary>
/// Publishes a module's committed outbox rows in order, each with its row's message id so that
/// a row published twice (a crash between publish and mark) is recognised by every inbox.
/// On RabbitMQ a publish returns only once the broker has confirmed it.
/// </summary>
internal sealed partial class OutboxRelay<TDatabase>(
    TDatabase database,
    OutboxSignal<TDatabase> signal,
    IBus bus,
    InMemoryBacklog inMemoryBacklog,
    IHostApplicationLifetime lifetime,
    MessagingSettings settings,
    TimeProvider time,
    ILogger<OutboxRelay<TDatabase>> logger) : BackgroundService
    where TDatabase : ModuleDatabase
{
    private const int BatchSize = 100;

    // A moment's wait after a wake-up lets the writes of a burst share one relay transaction: on
    // SQLite every commit is a disk flush that also holds off the next write.
    private static readonly TimeSpan Linger = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan CleanupInterval = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan BacklogReportInterval = TimeSpan.FromSeconds(1);

    // How often a relay held back by its in-memory consumers looks again.
    private static readonly TimeSpan HoldInterval = TimeSpan.FromMilliseconds(100);

    private DateTimeOffset _nextCleanup = DateTimeOffset.MinValue;
    private DateTimeOffset _nextBacklogReport = DateTimeOffset.MinValue;
    private bool _holding;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Publishing before the bus has bound its consumers' queues would drop messages.
        await WhenApplicationStartedAsync(stoppingToken);
        if (settings.Transport == MessageTransport.InMemory)
        {
            await RequeueRecentlyPublishedAsync(stoppingToken);
        }

        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ReportBacklogWhenDueAsync(stoppingToken);
                if (MustHoldForConsumers())
                {
                    await Task.Delay(HoldInterval, stoppingToken);
                    continue;
                }

                var relayed = await RelayBatchAsync(stoppingToken);
                failures = 0;
                if (relayed == BatchSize)
                {
                    continue;
                }

                await DeleteOldRowsWhenDueAsync(stoppingToken);
                await signal.WaitAsync(settings.OutboxPollInterval, stoppingToken);
                await Task.Delay(Linger, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                failures++;
                LogRelayFailed(logger, exception, database.Settings.Name, failures);
                await Task.Delay(Backoff(failures), time, stoppingToken);
            }
        }
    }

    private async Task<int> RelayBatchAsync(CancellationToken cancellationToken)
    {
        await using var work = await database.BeginAsync(cancellationToken);
        var pending = await work.QueryAsync<PendingMessage>(
            $"""
            SELECT sequence AS Sequence, message_id AS MessageId, message_type AS MessageType,
                   body AS Body, trace_parent AS TraceParent, created_at AS CreatedAt
            FROM outbox_messages
            WHERE published_at IS NULL
            ORDER BY sequence
            LIMIT {BatchSize} {database.Dialect.ForUpdateSkipLocked}
            """);

        var relayed = new List<long>(pending.Count);
        try
        {
            foreach (var message in pending)
            {
                await PublishAsync(message, cancellationToken);
                relayed.Add(message.Sequence);
                var tags = new KeyValuePair<string, object?>("module", database.Settings.Name);
                MessagingTelemetry.Relayed.Add(1, tags);
                MessagingTelemetry.RelayDelay.Record((time.GetUtcNow() - message.CreatedAt).TotalSeconds, tags);
            }
        }
        finally
        {
            // Mark what was published, also when a later publish failed: one statement and one commit per batch.
            if (relayed.Count > 0)
            {
                await work.ExecuteAsync(
                    $"UPDATE outbox_messages SET published_at = @Now WHERE {database.Dialect.InList("sequence", "@Sequences")}",
                    new { Now = time.GetUtcNow(), Sequences = relayed });
                await work.CommitAsync();
            }
        }

        return relayed.Count;
    }

    /// <summary>
    /// The in-memory transport's queues live in this process and have no bound: published faster
    /// than consumed, events pile up there, and a crash loses those older than the replay window
    /// (a large import once held 160,000 of them). Held back, they wait in the outbox instead.
    /// </summary>
    private bool MustHoldForConsumers()
    {
        if (settings.Transport != MessageTransport.InMemory)
        {
            return false;
        }

        var (age, relayedSince) = inMemoryBacklog.Behind();
        MessagingTelemetry.ReportInMemoryBacklog(age, relayedSince);

        // Resuming only once the consumers are well within the limits keeps a relay from flapping at them.
        var share = _holding ? 2 : 1;
        var hold = age > settings.InMemoryBacklogAge / share || relayedSince > settings.InMemoryBacklogMessages / share;
        if (hold && !_holding)
        {
            LogHolding(logger, database.Settings.Name, age.TotalSeconds, relayedSince);
        }
        else if (!hold && _holding)
        {
            LogResuming(logger, database.Settings.Name);
        }

        _holding = hold;
        return hold;
    }

    private async Task PublishAsync(PendingMessage pending, CancellationToken cancellationToken)
    {
        var type = MessageTypes.Resolve(pending.MessageType);
        var message = JsonSerializer.Deserialize(pending.Body, type, MessageTypes.Json)
            ?? throw new InvalidOperationException($"Outbox row {pending.Sequence} has an empty body.");

        ActivityContext.TryParse(pending.TraceParent, null, out var parent);
        using var activity = MessagingTelemetry.Source.StartActivity($"outbox relay {type.Name}", ActivityKind.Internal, parent);
        activity?.SetTag("messaging.message.id", pending.MessageId);

        // RabbitMQ.Client 7 can wait for ever for the confirmation of a publish that was in flight
        // when the broker went away (rabbitmq-dotnet-client#1930): the relay, and so every later
        // event, would wait with it. A publish given up is published again; inboxes drop the repeat.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.PublishTimeout);
        try
        {
            await bus.Publish(message, type, Pipe.Execute<PublishContext>(context => PrepareContext(context, pending)), timeout.Token);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"Publishing outbox row {pending.Sequence} ({type.Name}) took longer than {settings.PublishTimeout}.", exception);
        }
    }

    private void PrepareContext(PublishContext context, PendingMessage pending)
    {
        context.MessageId = pending.MessageId;
        if (settings.Transport == MessageTransport.InMemory)
        {
            inMemoryBacklog.Stamp(context);
        }
    }

    private async Task RequeueRecentlyPublishedAsync(CancellationToken cancellationToken)
    {
        await using var work = await database.BeginAsync(cancellationToken);
        var lastPublished = await work.ScalarAsync<DateTimeOffset?>("SELECT max(published_at) FROM outbox_messages");
        if (lastPublished is null)
        {
            return;
        }

        var requeued = await work.ExecuteAsync(
            "UPDATE outbox_messages SET published_at = NULL WHERE published_at >= @Since",
            new { Since = lastPublished.Value - settings.InMemoryReplayWindow });
        await work.CommitAsync();
        LogRequeued(logger, requeued, database.Settings.Name);
    }

    private async Task ReportBacklogWhenDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now < _nextBacklogReport)
        {
            return;
        }

        _nextBacklogReport = now + BacklogReportInterval;
        await using var session = await database.OpenSessionAsync(cancellationToken);
        // The oldest is the next row to relay, found in the pending index: min(created_at) read every pending
        // row, 200 ms a second on SQLite while the relays held 85,000 rows back from a large import's consumers.
        var backlog = await session.QuerySingleAsync<BacklogRow>(
            """
            SELECT (SELECT count(*) FROM outbox_messages WHERE published_at IS NULL) AS Pending,
                   (SELECT created_at FROM outbox_messages WHERE published_at IS NULL ORDER BY sequence LIMIT 1) AS Oldest
            """);
        var age = backlog.Oldest is { } oldest ? time.GetUtcNow() - oldest : TimeSpan.Zero;
        MessagingTelemetry.ReportBacklog(database.Settings.Name, backlog.Pending, age);
    }

    private async Task DeleteOldRowsWhenDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now < _nextCleanup)
        {
            return;
        }

        _nextCleanup = now + CleanupInterval;
        await using var session = await database.OpenSessionAsync(cancellationToken);
        await session.ExecuteAsync(
            "DELETE FROM outbox_messages WHERE published_at IS NOT NULL AND published_at < @Cutoff",
            new { Cutoff = now - settings.OutboxRetention });
    }

    private async Task WhenApplicationStartedAsync(CancellationToken cancellationToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(cancellationToken);
    }

    private static TimeSpan Backoff(int failures) =>
        TimeSpan.FromMilliseconds(Math.Min(5_000, 100 * Math.Pow(2, Math.Min(failures, 10))));

    [LoggerMessage(Level = LogLevel.Information, Message = "Republishing {Count} recent {Database} outbox messages the in-memory transport may have lost")]
    private static partial void LogRequeued(ILogger logger, int count, string database);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The {Database} outbox relay holds back: an in-memory consumer is on a message relayed {Seconds:0.0} s and {Messages} messages ago")]
    private static partial void LogHolding(ILogger logger, string database, double seconds, long messages);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The {Database} outbox relay resumes: the in-memory consumers have caught up")]
    private static partial void LogResuming(ILogger logger, string database);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Relaying the {Database} outbox failed ({Failures} in a row); retrying")]
    private static partial void LogRelayFailed(ILogger logger, Exception exception, string database, int failures);

    private sealed class PendingMessage
    {
        public long Sequence { get; init; }

        public Guid MessageId { get; init; }

        public required string MessageType { get; init; }

        public required string Body { get; init; }

        public string? TraceParent { get; init; }

        public DateTimeOffset CreatedAt { get; init; }
    }

    private sealed class BacklogRow
    {
        public long Pending { get; init; }

        public DateTimeOffset? Oldest { get; init; }
    }
}
