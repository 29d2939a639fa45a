using KnowledgeHub.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Expertise.Features.Skills;

/// <summary>Tags waiting to become skills (ADR 0041), most used first, for admins to accept with PUT /api/skills/{name}.</summary>
internal static class ListSkillCandidates
{
    // A class, not a positional record: SQLite types the columns of an empty result as blobs, which
    // no constructor matches.
    internal sealed class Candidate
    {
        public required string Name { get; init; }

        public long People { get; init; }

        public long Uses { get; init; }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/skills/candidates", HandleAsync)
            .RequireAuthorization(Policies.Admin)
            .WithName(nameof(ListSkillCandidates))
            .WithSummary($"Tags that name no skill yet, with how many people used them (admins). One becomes a skill when an admin puts it or {TagSkills.PeopleToPromote} people used it.");

    private static async Task<Ok<IReadOnlyList<Candidate>>> HandleAsync(ExpertiseDatabase database, CancellationToken cancellationToken)
    {
        await using var session = await database.OpenSessionAsync(cancellationToken);
        var candidates = await session.QueryAsync<Candidate>(
            """
            SELECT min(name) AS Name, count(DISTINCT person_id) AS People, count(*) AS Uses
            FROM skill_candidates GROUP BY name_key ORDER BY count(DISTINCT person_id) DESC, name_key LIMIT 100
            """);
        return TypedResults.Ok(candidates);
    }
}
