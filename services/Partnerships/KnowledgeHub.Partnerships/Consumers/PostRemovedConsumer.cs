using KnowledgeHub.Contracts.Communities;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging;
using KnowledgeHub.Partnerships.Features.Record;

namespace KnowledgeHub.Partnerships.Consumers;

/// <summary>A deleted question takes its answers and their acceptance out of the record.</summary>
internal sealed class PostRemovedConsumer(PartnershipsDatabase database, TimeProvider time)
    : LedgerConsumer<PostRemoved>(database, time)
{
    protected override async Task ApplyInTurnAsync(UnitOfWork work, PostRemoved message)
    {
        if (message.PostId == Guid.Empty)
        {
            throw new InvalidEventException("A PostRemoved needs a post id.");
        }

        await work.ExecuteAsync("INSERT INTO removed_posts (post_id) VALUES (@PostId) ON CONFLICT DO NOTHING", new { message.PostId });
        await Ledger.RemoveAsync(work, "post_id = @PostId", new { message.PostId });
    }
}
