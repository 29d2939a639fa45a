using System.Security.Claims;
using KnowledgeHub.Data;
using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KnowledgeHub.Alignment.Features.Projects;

/// <summary>
/// Who may change a project: its lead, members it made leads (role <c>lead</c>), executives and
/// admins. Everyone signed in may read it.
/// </summary>
internal static class ProjectAccess
{
    public const string LeadRole = "lead";

    /// <summary>Null when the caller may edit the project; otherwise the 404 or 403 to answer with.</summary>
    public static async Task<ProblemHttpResult?> RequireEditorAsync(
        UnitOfWork work, Guid projectId, ClaimsPrincipal user)
    {
        var isLead = await work.ScalarAsync<long?>(
            """
            SELECT CASE WHEN p.lead_id = @Me
                          OR EXISTS (SELECT 1 FROM project_members m WHERE m.project_id = p.id AND m.person_id = @Me AND m.role = @LeadRole)
                        THEN 1 ELSE 0 END
            FROM projects p WHERE p.id = @Id
            """,
            new { Id = projectId, Me = user.PersonId(), LeadRole });
        return isLead switch
        {
            null => Problems.NotFound("The project"),
            1 => null,
            _ when user.IsExecutiveOrAdmin() => null,
            _ => Problems.Forbidden("Only the project's leads, executives and admins may change it."),
        };
    }
}
