using KnowledgeHub.Contracts.Expertise;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging;
using KnowledgeHub.Partnerships.Features.Record;

namespace KnowledgeHub.Partnerships.Consumers;

/// <summary>Hidden evidence counts nowhere: the help it records leaves every figure until it is shown again.</summary>
internal sealed class EvidenceVisibilityChangedConsumer(PartnershipsDatabase database, TimeProvider time)
    : LedgerConsumer<EvidenceVisibilityChanged>(database, time)
{
    protected override async Task ApplyInTurnAsync(UnitOfWork work, EvidenceVisibilityChanged message)
    {
        if (string.IsNullOrWhiteSpace(message.Source))
        {
            throw new InvalidEventException("An EvidenceVisibilityChanged needs a source.");
        }

        var written = await work.ExecuteAsync(
            """
            INSERT INTO hidden_sources (source, hidden, changed_at) VALUES (@Source, @Hidden, @ChangedAt)
            ON CONFLICT (source) DO UPDATE SET hidden = excluded.hidden, changed_at = excluded.changed_at
            WHERE hidden_sources.changed_at < excluded.changed_at
            """,
            new { message.Source, message.Hidden, message.ChangedAt });
        if (written > 0)
        {
            await Ledger.RefreshAsync(work, "source = @Source", new { message.Source });
        }
    }
}
