using KnowledgeHub.Search.Feed;
using KnowledgeHub.Search.Index;
using KnowledgeHub.Testing;
using MassTransit;
using Xunit;

namespace KnowledgeHub.Search.Tests;

/// <summary>
/// Publishes an event and waits until the host's consumer has handled it: the way to show that an
/// event had no effect, rather than not yet an effect.
/// </summary>
internal static class Consumption
{
    public static async Task PublishAndWaitAsync<T>(this ModuleTestHost host, T message, Guid? id = null)
        where T : class
    {
        var messageId = id ?? Guid.NewGuid();
        var observer = new Observer<T>(messageId);
        using var connection = host.Get<IBus>().ConnectConsumeMessageObserver(observer);
        await host.PublishAsync(message, messageId);
        await observer.Consumed.Task.WaitAsync(SearchApi.Deadline, TestContext.Current.CancellationToken);
    }

    /// <summary>
    /// Makes every consumed write searchable now: waits until the live index has followed the search
    /// feed up to its head, then refreshes it instead of waiting for the next scheduled refresh.
    /// </summary>
    public static async Task RefreshIndexAsync(this ModuleTestHost host)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var feed = host.Get<SearchFeedReader>();
        long head;
        await using (var session = await feed.OpenSessionAsync(cancellationToken))
        {
            head = await feed.HeadAsync(session);
        }
        await Eventually.AssertAsync(
            async () =>
            {
                using var lease = await host.Get<IndexGenerations>().ReadAsync(cancellationToken);
                return lease.Index.FeedPosition >= head;
            },
            SearchApi.Deadline,
            $"the live index to follow the search feed up to position {head}");
        using var live = await host.Get<IndexGenerations>().ReadAsync(cancellationToken);
        await live.Index.RefreshAsync(cancellationToken);
    }

    private sealed class Observer<T>(Guid messageId) : IConsumeMessageObserver<T>
        where T : class
    {
        public TaskCompletionSource Consumed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task PreConsume(ConsumeContext<T> context) => Task.CompletedTask;

        public Task PostConsume(ConsumeContext<T> context)
        {
            if (context.MessageId == messageId)
            {
                Consumed.TrySetResult();
            }

            return Task.CompletedTask;
        }

        public Task ConsumeFault(ConsumeContext<T> context, Exception exception)
        {
            if (context.MessageId == messageId)
            {
                Consumed.TrySetException(exception);
            }

            return Task.CompletedTask;
        }
    }
}
