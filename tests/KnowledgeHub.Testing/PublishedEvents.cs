using System.Collections.Concurrent;
using MassTransit;

namespace KnowledgeHub.Testing;

/// <summary>Every message the host's bus publishes, with its message id, in order.</summary>
public sealed class PublishedEvents : IPublishObserver
{
    private readonly ConcurrentQueue<(Guid MessageId, object Message)> _published = new();

    public IReadOnlyList<T> OfType<T>() => _published.Select(entry => entry.Message).OfType<T>().ToList();

    public IReadOnlyList<(Guid MessageId, T Message)> WithIds<T>() =>
        _published.Where(entry => entry.Message is T).Select(entry => (entry.MessageId, (T)entry.Message)).ToList();

    public Task PrePublish<T>(PublishContext<T> context) where T : class => Task.CompletedTask;

    public Task PostPublish<T>(PublishContext<T> context) where T : class
    {
        _published.Enqueue((context.MessageId ?? Guid.Empty, context.Message));
        return Task.CompletedTask;
    }

    public Task PublishFault<T>(PublishContext<T> context, Exception exception) where T : class => Task.CompletedTask;

    /// <summary>Waits until a published <typeparamref name="T"/> matches.</summary>
    public Task<T> WaitForAsync<T>(Func<T, bool> match, string what) =>
        Eventually.GetAsync(() => Task.FromResult(OfType<T>().FirstOrDefault(match)), TimeSpan.FromSeconds(10), what);
}
