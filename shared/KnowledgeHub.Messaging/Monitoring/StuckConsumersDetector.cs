namespace KnowledgeHub.Messaging.Monitoring;

/// <summary>
/// Decides when this process's consumers have stayed away from the broker too long while the broker
/// answers: MassTransit reconnects a receive endpoint itself within its longest retry delay (30 s), so
/// an endpoint still not back after <c>patience</c> of the broker answering will not come back on its
/// own (docs/adr/0085). Any check that finds the bus healthy, or the broker silent, starts the wait over.
/// </summary>
internal sealed class StuckConsumersDetector(TimeSpan patience)
{
    private DateTimeOffset? _awaySince;

    /// <returns>True once the bus has been unhealthy, with the broker answering, for the whole patience.</returns>
    public bool Observe(bool busHealthy, bool brokerAnswers, DateTimeOffset now)
    {
        if (busHealthy || !brokerAnswers)
        {
            _awaySince = null;
            return false;
        }

        _awaySince ??= now;
        return now - _awaySince >= patience;
    }
}
