using KnowledgeHub.Contracts.Search;
using KnowledgeHub.Search.Reindex;
using MassTransit;

namespace KnowledgeHub.Search.Consumers;

/// <summary>A service announced how many documents its replay for a reindex holds; a repeat changes nothing.</summary>
internal sealed class ReindexReplayStartedConsumer(ReindexCoordinator coordinator) : IConsumer<ReindexReplayStarted>
{
    public Task Consume(ConsumeContext<ReindexReplayStarted> context)
    {
        var started = context.Message;
        EventChecks.Require(started.ReindexId != Guid.Empty, nameof(ReindexReplayStarted), "it names no reindex");
        EventChecks.Require(!string.IsNullOrWhiteSpace(started.Service), nameof(ReindexReplayStarted), "it names no service");
        EventChecks.Require(started.Total >= 0, nameof(ReindexReplayStarted), "its total is negative");
        return coordinator.AnnounceAsync(started.ReindexId, started.Service.Trim().ToLowerInvariant(), started.Total, context.CancellationToken);
    }
}
