using System.Threading.Channels;
using Microsoft.Extensions.Hosting;

namespace KnowledgeHub.ServiceDefaults.Background;

/// <summary>
/// Sends what a request hands it from a bounded queue in the background, so a request never waits
/// for the receiver; what does not fit is dropped, and what fails to send is handed back. For news
/// that may be lost (announcements, records of refusals), never for a state change: those leave
/// through the outbox.
/// </summary>
public abstract class BackgroundQueue<TItem>(int capacity) : BackgroundService
{
    private readonly Channel<TItem> _queue = Channel.CreateBounded<TItem>(new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>False when the queue is full and the item was dropped.</summary>
    protected bool TryQueue(TItem item) => _queue.Writer.TryWrite(item);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var item in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await SendAsync(item, stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                NotSent(exception, item);
            }
        }
    }

    protected abstract Task SendAsync(TItem item, CancellationToken cancellationToken);

    protected abstract void NotSent(Exception exception, TItem item);
}
