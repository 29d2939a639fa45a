namespace KnowledgeHub.Notifications.Features.Delivery;

/// <summary>
/// Tells this process's open streams that notifications were committed, so they look at once
/// instead of at their next poll. Streams still poll: another instance may have written them.
/// </summary>
internal sealed class NotificationSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Next => Volatile.Read(ref _next).Task;

    public void Notify() =>
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
