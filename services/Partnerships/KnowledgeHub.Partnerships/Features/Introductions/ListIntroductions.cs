using System.Security.Claims;
using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Partnerships.Features.Introductions;

/// <summary>
/// People you should meet: in other departments, working on the same skills or toward the same
/// objectives, and never in an exchange with you (hidden exchanges excepted: they count nowhere).
/// </summary>
internal static class ListIntroductions
{
    /// <summary>A shared objective says more than a shared skill.</summary>
    public const double ObjectiveWeight = 2;

    public const double SkillWeight = 1;

    internal sealed record IntroductionItem(PersonSummary Person, IReadOnlyList<string> Reasons, IReadOnlyList<string> Skills, IReadOnlyList<string> Objectives, double Score);

    internal sealed record IntroductionsResponse(IReadOnlyList<IntroductionItem> Items);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/partnerships/introductions", HandleAsync)
            .WithName("PartnershipsIntroductions")
            .WithSummary("People you should meet: in other departments, on the same skills or objectives as you, never in an exchange with you; "
                + "each with the reasons, best first; limit.");

    private static async Task<Results<Ok<IntroductionsResponse>, ValidationProblem>> HandleAsync(
        int? limit, ClaimsPrincipal user, PartnershipsDatabase database, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var count = Filters.Limit(limit, validation);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var me = user.PersonId();
        await using var session = await database.OpenSessionAsync(cancellationToken);
        var department = await session.QueryOneAsync<string>("SELECT department FROM people WHERE id = @Me", new { Me = me }) ?? user.Department() ?? "";
        var parameters = new { Me = me, Department = department };
        var skills = await session.QueryAsync<SharedRow>(
            """
            SELECT theirs.person_id AS PersonId, theirs.skill AS Shared
            FROM person_skills mine
            JOIN person_skills theirs ON theirs.skill = mine.skill AND theirs.person_id <> mine.person_id
            JOIN people p ON p.id = theirs.person_id
            WHERE mine.person_id = @Me AND p.active AND p.department <> @Department
            """,
            parameters);
        var objectives = await session.QueryAsync<SharedRow>(
            """
            WITH working AS (
                SELECT person_id, objective_id FROM objective_owners
                UNION
                SELECT m.person_id, l.objective_id FROM project_members m JOIN project_objectives l ON l.project_id = m.project_id
            )
            SELECT DISTINCT theirs.person_id AS PersonId, o.title AS Shared
            FROM working mine
            JOIN working theirs ON theirs.objective_id = mine.objective_id AND theirs.person_id <> mine.person_id
            JOIN objectives o ON o.id = mine.objective_id
            JOIN people p ON p.id = theirs.person_id
            WHERE mine.person_id = @Me AND p.active AND p.department <> @Department
            """,
            parameters);
        var met = (await session.QueryAsync<Guid>(
            """
            SELECT receiver_id FROM interactions WHERE giver_id = @Me AND receiver_id IS NOT NULL AND NOT hidden
            UNION
            SELECT giver_id FROM interactions WHERE receiver_id = @Me AND NOT hidden
            """,
            parameters)).ToHashSet();

        var candidates = skills.Select(row => row.PersonId).Concat(objectives.Select(row => row.PersonId)).Distinct().Where(id => !met.Contains(id)).ToList();
        var people = await People.ReadAsync(session, candidates);
        var bySkill = skills.ToLookup(row => row.PersonId, row => row.Shared);
        var byObjective = objectives.ToLookup(row => row.PersonId, row => row.Shared);
        var items = candidates.Select(id =>
            {
                var sharedSkills = bySkill[id].Order(StringComparer.Ordinal).ToList();
                var sharedObjectives = byObjective[id].Order(StringComparer.Ordinal).ToList();
                var reasons = sharedObjectives.Select(title => $"Also works toward the objective \u201c{title}\u201d")
                    .Concat(sharedSkills.Count == 0 ? [] : [$"Also works with {string.Join(", ", sharedSkills)}"]).ToList();
                return new IntroductionItem(people[id], reasons, sharedSkills, sharedObjectives, (ObjectiveWeight * sharedObjectives.Count) + (SkillWeight * sharedSkills.Count));
            })
            .OrderByDescending(item => item.Score).ThenBy(item => item.Person.DisplayName, StringComparer.Ordinal).ThenBy(item => item.Person.Id)
            .Take(count)
            .ToList();
        return TypedResults.Ok(new IntroductionsResponse(items));
    }

    private sealed class SharedRow
    {
        public Guid PersonId { get; init; }

        public required string Shared { get; init; }
    }
}
