using System.Security.Claims;
using KnowledgeHub.Contracts.Expertise;
using KnowledgeHub.Data;
using KnowledgeHub.Expertise.Features.Evidence;
using KnowledgeHub.Expertise.Features.Skills;
using KnowledgeHub.Messaging.Outbox;
using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Expertise.Features.People;

/// <summary>
/// A colleague vouches for a person's skill: once per skill and endorser, never for oneself, and only
/// for a skill the person declared or has evidence for, so an endorsement can neither invent a skill
/// for someone nor add one to the taxonomy.
/// </summary>
internal static class EndorsePerson
{
    public const int MaxCommentLength = 500;

    internal sealed record Request(string? Skill, string? Comment);

    internal sealed record Response(Guid Id, Guid PersonId, string Skill, Guid EndorserId, string? Comment, DateTimeOffset CreatedAt);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/people/{id:guid}/endorsements", HandleAsync)
            .WithName(nameof(EndorsePerson))
            .WithSummary("Endorse a colleague for a skill, with an optional comment. Once per skill; not yourself.");

    private static async Task<Results<Created<Response>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid id,
        Request request,
        ClaimsPrincipal user,
        ExpertiseDatabase database,
        Provisioning provisioning,
        Outbox<ExpertiseDatabase> outbox,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var me = user.PersonId();
        var validation = SkillTaxonomy.ValidateName(request.Skill, new Validation(), "skill")
            .OptionalText(request.Comment, "comment", MaxCommentLength)
            .Require(id != me, "id", "You cannot endorse yourself.");
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        await using var work = await database.BeginAsync(cancellationToken);
        await provisioning.EnsureAsync(work, user);
        if (!await work.ScalarAsync<bool>(
                "SELECT count(*) > 0 FROM people WHERE id = @Id AND deactivated_at IS NULL", new { Id = id }))
        {
            return Problems.NotFound("The person");
        }

        var skill = await HeldSkillAsync(work, id, request.Skill!);
        if (skill is null)
        {
            return new Validation()
                .Add("skill", $"This person has neither declared '{SkillTaxonomy.Clean(request.Skill!)}' nor shown evidence of it; endorse a skill on their profile.")
                .ToProblem();
        }

        var endorsement = new Response(Guid.CreateVersion7(), id, skill.Name, me, ProfileRules.Clean(request.Comment), time.UtcNowForDatabase());
        var inserted = await work.ExecuteAsync(
            """
            INSERT INTO endorsements (id, person_id, skill_id, endorser_id, comment, created_at)
            VALUES (@Id, @PersonId, @SkillId, @EndorserId, @Comment, @CreatedAt)
            ON CONFLICT (person_id, skill_id, endorser_id) DO NOTHING
            """,
            new { endorsement.Id, endorsement.PersonId, SkillId = skill.Id, endorsement.EndorserId, endorsement.Comment, endorsement.CreatedAt });
        if (inserted == 0)
        {
            return Problems.Conflict($"You have already endorsed this person for {skill.Name}.");
        }

        var endorser = await work.ScalarAsync<string>(
            "SELECT display_name FROM people WHERE id = @Id", new { Id = me });
        await EvidenceStore.ReplaceAsync(
            work,
            EvidenceStore.EndorsementSource(endorsement.Id),
            id,
            [new EvidencePiece(skill.Id, EvidenceKinds.Endorsement, Describe(endorser!, endorsement.Comment), endorsement.CreatedAt)]);
        await outbox.EnqueueAsync(work, new EndorsementGiven(endorsement.Id, id, skill.Name, me, endorsement.CreatedAt));
        await work.CommitAsync();
        return TypedResults.Created($"/api/people/{id}", endorsement);
    }

    /// <summary>The canonical skill <paramref name="name"/> stands for, when the person declared it or has evidence of it other than endorsements.</summary>
    private static async Task<SkillRef?> HeldSkillAsync(UnitOfWork work, Guid personId, string name) =>
        await SkillTaxonomy.FindAsync(work, name) is { } skill && await work.ScalarAsync<bool>(
            $"""
            SELECT EXISTS (SELECT 1 FROM person_skills WHERE person_id = @PersonId AND skill_id = @SkillId)
                OR EXISTS (SELECT 1 FROM evidence WHERE person_id = @PersonId AND skill_id = @SkillId AND kind <> '{EvidenceKinds.Endorsement}')
            """,
            new { PersonId = personId, SkillId = skill.Id })
            ? skill
            : null;

    private static string Describe(string endorser, string? comment) =>
        comment is null ? $"Endorsed by {endorser}" : $"Endorsed by {endorser}: {comment}";
}
