using System.Security.Claims;
using KnowledgeHub.Alignment.Features.Changes;
using KnowledgeHub.Alignment.Features.Projects;
using KnowledgeHub.Contracts.Alignment;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging.Outbox;
using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Alignment.Features.StatusReports;

internal static class ReportStatus
{
    public static readonly string[] Healths = ["green", "amber", "red"];

    internal sealed record StatusReportRequest(string? Health, string? Summary, string? Risks, string? Decisions);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/projects/{id:guid}/status-reports", HandleAsync)
            .WithName(nameof(ReportStatus))
            .WithSummary("Add a status report to a project's log (its leads, executives and admins). Reports are never edited.");

    private static async Task<Results<Created<StatusReportResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid id,
        StatusReportRequest request,
        ClaimsPrincipal user,
        AlignmentDatabase database,
        Outbox<AlignmentDatabase> outbox,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var validation = new Validation()
            .RequireOneOf(request.Health, "health", Healths)
            .RequireText(request.Summary, "summary", 4000)
            .OptionalText(request.Risks, "risks", 4000)
            .OptionalText(request.Decisions, "decisions", 4000);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        await using var work = await database.BeginAsync(cancellationToken);
        if (await ProjectAccess.RequireEditorAsync(work, id, user) is { } denied)
        {
            return denied;
        }

        var report = new StatusReportResponse(
            Guid.CreateVersion7(),
            id,
            request.Health!,
            request.Summary!.Trim(),
            Clean(request.Risks),
            Clean(request.Decisions),
            user.PersonId(),
            time.UtcNowForDatabase());
        await work.ExecuteAsync(
            """
            INSERT INTO project_status_reports (id, project_id, health, summary, risks, decisions, reported_by, reported_at)
            VALUES (@Id, @ProjectId, @Health, @Summary, @Risks, @Decisions, @ReportedBy, @ReportedAt);
            UPDATE projects SET health = @Health, last_reported_at = @ReportedAt WHERE id = @ProjectId;
            """,
            report);
        await outbox.EnqueueAsync(
            work,
            new ProjectStatusReported(id, report.Id, report.Health, report.Summary, report.ReportedBy, report.ReportedAt));
        await ChangeLog.TrackProjectAsync(work, id, report.ReportedBy, report.ReportedAt);
        await ChangeLog.LogStatusReportAsync(work, id, report.Id, report.Health, report.Summary, report.ReportedBy, report.ReportedAt);
        await work.CommitAsync();
        return TypedResults.Created($"/api/projects/{id}/status-reports/{report.Id}", report);
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
