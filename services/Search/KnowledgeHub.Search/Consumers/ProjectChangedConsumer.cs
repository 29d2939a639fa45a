using KnowledgeHub.Contracts.Alignment;
using KnowledgeHub.Search.Index;
using MassTransit;

namespace KnowledgeHub.Search.Consumers;

/// <summary>Projects belong to their sponsor and every partner department alike.</summary>
internal sealed class ProjectChangedConsumer(ISearchIndex index) : IConsumer<ProjectChanged>
{
    public Task Consume(ConsumeContext<ProjectChanged> context)
    {
        var project = context.Message;
        EventChecks.RequireIdentity(project.ProjectId, project.Version, project.Name, nameof(ProjectChanged));
        return index.UpsertAsync(
            new SearchDocument(
                DocumentTypes.Project,
                project.ProjectId,
                project.Name,
                project.Description ?? "",
                project.Tags ?? [],
                new[] { project.SponsorDepartment }.Concat(project.PartnerDepartments ?? []).Where(code => !string.IsNullOrWhiteSpace(code)).ToList(),
                RestrictedToCommunity: null,
                $"/projects/{project.ProjectId}",
                project.Version,
                project.UpdatedAt),
            context.CancellationToken);
    }
}
