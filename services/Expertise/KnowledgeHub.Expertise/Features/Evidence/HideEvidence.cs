using System.Security.Claims;
using KnowledgeHub.Contracts.Expertise;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging.Outbox;
using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Expertise.Features.Evidence;

/// <summary>
/// A person may take any single piece of their evidence out of ranking: hidden evidence counts
/// nowhere and is shown to nobody else. It stays hidden when its source is replayed or edited.
/// </summary>
internal static class HideEvidence
{
    internal sealed record Request(bool? Hidden);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/people/me/evidence/{id:guid}", HandleAsync)
            .WithName(nameof(HideEvidence))
            .WithSummary("Hide one piece of your evidence from ranking and from others ({ hidden: true }), or show it again.");

    private static async Task<Results<Ok<MyEvidenceItem>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid id,
        Request request,
        ClaimsPrincipal user,
        ExpertiseDatabase database,
        Outbox<ExpertiseDatabase> outbox,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (request.Hidden is not { } hidden)
        {
            return new Validation().Add("hidden", "'hidden' is required: true or false.").ToProblem();
        }

        var me = user.PersonId();
        await using var work = await database.BeginAsync(cancellationToken);
        var row = await work.QueryOneAsync<MyEvidenceRow>(
            MyEvidenceRow.Select + " WHERE e.id = @Id AND e.person_id = @PersonId",
            new { Id = id, PersonId = me });
        if (row is null)
        {
            return Problems.NotFound("The evidence");
        }

        if (row.Hidden != hidden)
        {
            await work.ExecuteAsync(
                "UPDATE evidence SET hidden = @Hidden WHERE id = @Id",
                new { Id = id, Hidden = hidden });
            await EvidenceStore.RecomputeAsync(work, [me]);
            await EvidenceDocuments.SyncHiddenAsync(work, row.Source);
            await outbox.EnqueueAsync(work, await VisibilityOfAsync(work, me, row.Source, time));
            await work.CommitAsync();
        }

        return TypedResults.Ok(row.ToItem(time.GetUtcNow()) with { Hidden = hidden });
    }

    /// <summary>A source is hidden while any of its pieces is, as its evidence document is (ADR 0043).</summary>
    private static async Task<EvidenceVisibilityChanged> VisibilityOfAsync(UnitOfWork work, Guid personId, string source, TimeProvider time) =>
        new(personId, source, await work.ScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM evidence WHERE source = @Source AND hidden)", new { Source = source }), time.UtcNowForDatabase());
}
