using KnowledgeHub.Data;
using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KnowledgeHub.Alignment.Features.Members;

/// <summary>The person accountable for a project (its creator) stays one of its leads for as long as the project exists.</summary>
internal static class ProjectLead
{
    /// <summary>The project's lead, or null when there is no such project.</summary>
    public static Task<Guid?> FindAsync(UnitOfWork work, Guid projectId) =>
        work.ScalarAsync<Guid?>(
            "SELECT lead_id FROM projects WHERE id = @Id",
            new { Id = projectId });

    public static ProblemHttpResult MustStay() =>
        Problems.Conflict("The project's lead must stay a member with the role 'lead'; the lead is accountable for the project.");
}
