using KnowledgeHub.Contracts.Communities;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging;
using KnowledgeHub.Partnerships.Features.Record;

namespace KnowledgeHub.Partnerships.Consumers;

/// <summary>A community's name and visibility; closing it takes its answers out of every figure, opening it puts them back.</summary>
internal sealed class CommunityChangedConsumer(PartnershipsDatabase database, TimeProvider time)
    : LedgerConsumer<CommunityChanged>(database, time)
{
    protected override async Task ApplyInTurnAsync(UnitOfWork work, CommunityChanged message)
    {
        if (message.CommunityId == Guid.Empty || string.IsNullOrWhiteSpace(message.Name) || message.Version < 1)
        {
            throw new InvalidEventException("A CommunityChanged needs a community id, a name and a version.");
        }

        var written = await work.ExecuteAsync(
            """
            INSERT INTO communities (id, name, visibility, version) VALUES (@CommunityId, @Name, @Visibility, @Version)
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, visibility = excluded.visibility, version = excluded.version
            WHERE communities.version < excluded.version
            """,
            new { message.CommunityId, message.Name, message.Visibility, message.Version });
        if (written > 0)
        {
            await Ledger.RefreshAsync(work, "community_id = @CommunityId", new { message.CommunityId });
        }
    }
}
