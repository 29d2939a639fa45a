using KnowledgeHub.Web.Api;

namespace KnowledgeHub.Web.Components;

/// <summary>Whom the API lets edit a project, manage its team and alignments and report its status: its leads, executives and administrators.</summary>
internal static class ProjectEditors
{
    public static bool CanManage(Project? project, Viewer? viewer) =>
        viewer is { } signedIn && (signedIn.IsExecutive || (project?.Members ?? []).Any(member => member.PersonId == signedIn.Id && member.Role == "lead"));
}
