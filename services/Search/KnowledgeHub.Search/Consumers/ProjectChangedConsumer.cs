using KnowledgeHub.Contracts.Alignment;
using KnowledgeHub.Search.Index;
using MassTransit;

namespace KnowledgeHub.Search.Consumers;

/// <summary>Projects belong to their sponsor and every partner department alike.</summary>
internal sealed class ProjectChangedConsumer(SearchProjection projection) : IConsumer<ProjectChanged>
{
    public Task Consume(ConsumeContext<ProjectChanged> context)
    {
        var project = context.Message;
        EventChecks.RequireIdentity(project.ProjectId, project.Version, project.Name, nameof(ProjectChanged));
        return projection.UpsertAsync(
            Owners.Alignment,
            new SearchDocument(
                DocumentTypes.Project,
                project.ProjectId,
                project.Name,
                project.Description ?? "",
                EventChecks.Tags(project.Tags),
                EventChecks.Departments([project.SponsorDepartment, .. project.PartnerDepartments ?? []]),
                RestrictedToCommunity: null,
                $"/projects/{project.ProjectId}",
                project.Version,
                project.CreatedAt,
                project.UpdatedAt),
            context.CancellationToken);
    }
}
