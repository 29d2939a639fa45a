using KnowledgeHub.Contracts.Alignment;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging.Outbox;

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
        project.UpdatedAt,
        project.LessonsLearned,
        ObjectiveIds: project.Alignments?.Select(alignment => alignment.ObjectiveId).ToList());

    public static ProjectMemberAssigned MemberAssigned(ProjectResponse project, MemberResponse member) =>
        new(project.Id, project.Name, project.Tags, member.PersonId, member.Role, member.AssignedAt);

    /// <summary>Reads the project as written in <paramref name="work"/> and announces its new state.</summary>
    public static async Task<ProjectResponse> PublishChangedAsync(
        UnitOfWork work, Outbox<AlignmentDatabase> outbox, Guid id)
    {
        var project = (await ProjectReader.ReadDetailAsync(work, id))!;
        await outbox.EnqueueAsync(work, Changed(project));
        return project;
    }
}
