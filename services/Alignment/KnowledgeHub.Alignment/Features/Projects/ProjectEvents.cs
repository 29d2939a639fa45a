using KnowledgeHub.Contracts.Alignment;

namespace KnowledgeHub.Alignment.Features.Projects;

internal static class ProjectEvents
{
    public static ProjectChanged Changed(ProjectResponse project) => new(
        project.Id,
        project.Name,
        project.Description,
        project.SponsorDepartment,
        project.PartnerDepartments,
        project.Tags,
        project.Status,
        project.LeadId,
        project.Version,
        project.CreatedAt,
        project.UpdatedAt);
}
