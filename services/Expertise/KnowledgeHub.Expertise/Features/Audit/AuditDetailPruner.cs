using KnowledgeHub.Data;
using Microsoft.Extensions.Logging;

namespace KnowledgeHub.Expertise.Features.Audit;

/// <summary>Blanks the details of audit entries older than <c>Audit:DetailRetention</c>; the entries and their chain stay.</summary>
internal sealed class AuditDetailPruner(ExpertiseDatabase database, AuditSettings settings, TimeProvider time, ILogger<AuditDetailPruner> logger)
    : RetentionPruner(settings.DetailRetention, time, logger)
{
    protected override string What => "audit entries' details";

    protected override async Task<int> PruneOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var session = await database.OpenSessionAsync(cancellationToken);
        return await session.ExecuteAsync("UPDATE audit_entries SET details = NULL WHERE at < @Cutoff AND details IS NOT NULL", new { Cutoff = cutoff });
    }
}
