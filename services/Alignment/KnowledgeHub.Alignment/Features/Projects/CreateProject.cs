using System.Security.Claims;
using Dapper;
using KnowledgeHub.Alignment.Features.Changes;
using KnowledgeHub.Alignment.Features.Members;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging.Outbox;
using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Alignment.Features.Projects;

internal static class CreateProject
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/projects", HandleAsync)
            .WithName(nameof(CreateProject))
            .WithSummary("Register an IT project; the creator becomes its lead. Its departments must be known to the directory.");

    private static async Task<Results<Created<ProjectResponse>, ValidationProblem>> HandleAsync(
        ProjectRequest request,
        ClaimsPrincipal user,
        AlignmentDatabase database,
        Outbox<AlignmentDatabase> outbox,
        TimeProvider time,
        HttpResponse response,
        CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var input = ProjectRules.Validate(request, validation);
        if (input is null)
        {
            return validation.ToProblem();
        }

        await using var work = await database.BeginAsync(cancellationToken);
        await ProjectRules.CheckDepartmentsAsync(work, input, validation);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var id = Guid.CreateVersion7();
        var parameters = new DynamicParameters(input);
        parameters.AddDynamicParams(new { Id = id, LeadId = user.PersonId(), ProjectAccess.LeadRole, Now = time.UtcNowForDatabase() });
        await work.ExecuteAsync(
            """
            INSERT INTO projects (id, name, description, sponsor_department, planned_budget, actual_budget, currency,
                                  start_date, end_date, status, pilot, lessons_learned, lead_id, version, created_at, updated_at)
            VALUES (@Id, @Name, @Description, @SponsorDepartment, @Planned, @Actual, @Currency,
                    @StartDate, @EndDate, @Status, @Pilot, @LessonsLearned, @LeadId, 1, @Now, @Now);
            INSERT INTO project_members (project_id, person_id, role, assigned_at, confirmed_at) VALUES (@Id, @LeadId, @LeadRole, @Now, @Now);
            """,
            parameters);
        await KnownPeople.RememberAsync(work, user.PersonId(), time);
        await ProjectChildren.ReplaceAsync(work, id, input);

        var project = await ProjectEvents.PublishChangedAsync(work, outbox, id);
        // Leading a project is an assignment like any other: evidence for the lead's expertise.
        await outbox.EnqueueAsync(work, ProjectEvents.MemberAssigned(project, project.Members![0]));
        await ChangeLog.TrackProjectAsync(work, id, user.PersonId(), time.UtcNowForDatabase());
        await work.CommitAsync();

        ETags.Set(response, project.Version);
        return TypedResults.Created($"/api/projects/{id}", project);
    }
}
