using System.Threading.Channels;
using KnowledgeHub.Data;

namespace KnowledgeHub.Messaging.Outbox;

/// <summary>Wakes a module's relay the moment a transaction with outbox rows commits.</summary>
public sealed class OutboxSignal<TDatabase>
    where TDatabase : ModuleDatabase
{
    private readonly Channel<bool> _wakeUps =
        Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => _wakeUps.Writer.TryWrite(true);

    /// <summary>Returns when notified or when <paramref name="timeout"/> has passed, whichever is first.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            await _wakeUps.Reader.ReadAsync(timer.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The poll interval passed without a wake-up.
        }
    }
}
