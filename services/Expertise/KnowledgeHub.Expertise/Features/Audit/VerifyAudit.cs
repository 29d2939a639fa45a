using KnowledgeHub.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Expertise.Features.Audit;

/// <summary>
/// Walks the whole chain and recomputes every hash (ADR 0069): an entry changed, removed or inserted
/// in the database breaks the chain at that entry, and entries cut from the end no longer reach the
/// chain's head.
/// </summary>
internal static class VerifyAudit
{
    /// <param name="FirstBroken">The id of the first entry that does not hold, when there is one.</param>
    /// <param name="BrokenAtSequence">Its position in the chain, or the first missing position.</param>
    /// <param name="Reason">What does not hold there.</param>
    internal sealed record VerificationResponse(bool Ok, long Checked, Guid? FirstBroken, long? BrokenAtSequence, string? Reason);

    private sealed record Head(long LastSeq, string LastHash);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/audit/verify", HandleAsync)
            .RequireAuthorization(Policies.Admin)
            .WithName(nameof(VerifyAudit))
            .WithSummary("Recomputes the audit trail's hash chain (admins): ok, how many entries were checked, and the first that does not hold.");

    private static async Task<Ok<VerificationResponse>> HandleAsync(ExpertiseDatabase database, CancellationToken cancellationToken)
    {
        await using var session = await database.OpenSessionAsync(cancellationToken);
        var head = await session.QuerySingleAsync<Head>("SELECT last_seq AS LastSeq, last_hash AS LastHash FROM audit_chain WHERE id = 1");
        long expectedSeq = 1;
        var previousHash = AuditChain.Genesis;
        await foreach (var row in AuditReader.OldestFirstAsync(session, query: null, cancellationToken))
        {
            // Entries appended since the head was read are the next check's: counting them here would
            // make a chain that grows during the walk look cut short.
            if (row.Seq > head.LastSeq)
            {
                break;
            }

            var reason = FlawOf(row, expectedSeq, previousHash);
            if (reason is not null)
            {
                return TypedResults.Ok(new VerificationResponse(false, expectedSeq - 1, row.Id, expectedSeq, reason));
            }

            previousHash = row.Hash;
            expectedSeq++;
        }

        var checkedCount = expectedSeq - 1;
        if (checkedCount != head.LastSeq || previousHash != head.LastHash)
        {
            return TypedResults.Ok(new VerificationResponse(
                false, checkedCount, null, expectedSeq, $"The chain ends at entry {checkedCount} but its head records {head.LastSeq} entries: entries were removed from its end."));
        }

        return TypedResults.Ok(new VerificationResponse(true, checkedCount, null, null, null));
    }

    private static string? FlawOf(AuditRow row, long expectedSeq, string previousHash)
    {
        if (row.Seq != expectedSeq)
        {
            return $"Entry {expectedSeq} is missing: the next entry is at {row.Seq}.";
        }

        if (row.PreviousHash != previousHash)
        {
            return "The entry does not link to the hash of the entry before it.";
        }

        if (row.Details is not null && AuditChain.Digest(row.Details) != row.DetailsDigest)
        {
            return "The entry's details were changed.";
        }

        return AuditChain.HashOf(row) == row.Hash ? null : "The entry's fields were changed.";
    }
}
