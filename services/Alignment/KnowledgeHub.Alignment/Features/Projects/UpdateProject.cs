using System.Security.Claims;
using Dapper;
using KnowledgeHub.Alignment.Features.Changes;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging.Audit;
using KnowledgeHub.Messaging.Outbox;
using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Alignment.Features.Projects;

internal static class UpdateProject
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/projects/{id:guid}", HandleAsync)
            .WithName(nameof(UpdateProject))
            .WithSummary("Replace a project's editable fields (its leads, executives and admins). Send If-Match with the ETag you read.");

    private static async Task<Results<Ok<ProjectResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid id,
        ProjectRequest request,
        ClaimsPrincipal user,
        AlignmentDatabase database,
        Outbox<AlignmentDatabase> outbox,
        AuditTrail<AlignmentDatabase> audit,
        TimeProvider time,
        HttpRequest httpRequest,
        HttpResponse response,
        CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var input = ProjectRules.Validate(request, validation);
        validation.IfMatch(httpRequest, out var expectedVersion);

        if (input is null || !validation.IsValid)
        {
            return validation.ToProblem();
        }

        await using var work = await database.BeginAsync(cancellationToken);
        if (await ProjectAccess.RequireEditorAsync(work, id, user) is { } denied)
        {
            return denied;
        }

        await ProjectRules.CheckDepartmentsAsync(work, input, validation);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var parameters = new DynamicParameters(input);
        parameters.AddDynamicParams(new { Id = id, Now = time.UtcNowForDatabase(), ExpectedVersion = expectedVersion });
        var updated = await work.ExecuteAsync(
            """
            UPDATE projects SET name = @Name, description = @Description, sponsor_department = @SponsorDepartment,
                planned_budget = @Planned, actual_budget = @Actual, currency = @Currency, start_date = @StartDate,
                end_date = @EndDate, status = @Status, pilot = @Pilot, lessons_learned = @LessonsLearned,
                version = version + 1, updated_at = @Now
            WHERE id = @Id
            """ + Concurrency.VersionCondition(expectedVersion),
            parameters);
        if (updated == 0)
        {
            return Problems.PreconditionFailed();
        }

        await ProjectChildren.ReplaceAsync(work, id, input);
        var project = await ProjectEvents.PublishChangedAsync(work, outbox, id);
        await ChangeLog.TrackProjectAsync(work, id, user.PersonId(), time.UtcNowForDatabase());
        await audit.RecordAsync(work, user, "project.updated", $"project:{id}", ("status", project.Status), ("version", project.Version));
        await work.CommitAsync();

        ETags.Set(response, project.Version);
        return TypedResults.Ok(project);
    }
}
