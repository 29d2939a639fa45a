namespace KnowledgeHub.Messaging.Monitoring;

/// <summary>
/// Decides which faulted receive endpoints to start again once the broker answers (docs/adr/0102).
/// MassTransit retries a faulted endpoint itself, its delay growing from 3 s to 30 s, so after an outage
/// of half a minute an endpoint can wait up to 30 s more with the broker back. An endpoint faulted for
/// at least <c>grace</c> (MassTransit's own first retry comes sooner) is due; once started again it is
/// not due again for <c>interval</c>, MassTransit's longest delay, so a broker that accepts connections
/// but keeps refusing the endpoint is never retried faster than MassTransit would.
/// </summary>
internal sealed class RevivalSchedule(TimeSpan grace, TimeSpan interval)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Uri, Fault> _faulted = [];

    public void Faulted(Uri endpoint, DateTimeOffset now)
    {
        lock (_lock)
        {
            // Every failed retry reports a fault again; the endpoint has been away since the first.
            _faulted.TryAdd(endpoint, new Fault(now, RevivedAt: null));
        }
    }

    public void Ready(Uri endpoint)
    {
        lock (_lock)
        {
            _faulted.Remove(endpoint);
        }
    }

    /// <summary>The endpoints to start again now; each is counted as started again at <paramref name="now"/>.</summary>
    public IReadOnlyList<Uri> TakeDue(DateTimeOffset now)
    {
        lock (_lock)
        {
            var due = _faulted
                .Where(entry => now - entry.Value.Since >= grace && (entry.Value.RevivedAt is not { } revived || now - revived >= interval))
                .Select(entry => entry.Key)
                .ToList();
            foreach (var endpoint in due)
            {
                _faulted[endpoint] = _faulted[endpoint] with { RevivedAt = now };
            }

            return due;
        }
    }

    private sealed record Fault(DateTimeOffset Since, DateTimeOffset? RevivedAt);
}
