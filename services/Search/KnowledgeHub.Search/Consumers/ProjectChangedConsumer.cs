using KnowledgeHub.Contracts.Alignment;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging.Inbox;
using KnowledgeHub.Search.Feed;
using KnowledgeHub.Search.Index;

namespace KnowledgeHub.Search.Consumers;

/// <summary>Projects belong to their sponsor and every partner department alike.</summary>
internal sealed class ProjectChangedConsumer(SearchDatabase database, TimeProvider time, SearchFeed feed)
    : InboxConsumer<SearchDatabase, ProjectChanged>(database, time)
{
    protected override Task ApplyAsync(UnitOfWork work, ProjectChanged project, CancellationToken cancellationToken)
    {
        EventChecks.RequireIdentity(project.ProjectId, project.Version, project.Name, nameof(ProjectChanged));
        return feed.UpsertAsync(
            work,
            Owners.Alignment,
            new SearchDocument(
                DocumentTypes.Project,
                project.ProjectId,
                project.Name,
                // A pilot's lessons, good and bad, are found like its description.
                string.IsNullOrWhiteSpace(project.LessonsLearned) ? project.Description ?? "" : $"{project.Description}\n\nLessons learned: {project.LessonsLearned}",
                EventChecks.Tags(project.Tags),
                EventChecks.Departments([project.SponsorDepartment, .. project.PartnerDepartments ?? []]),
                RestrictedToCommunity: null,
                $"/projects/{project.ProjectId}",
                project.Version,
                project.CreatedAt,
                project.UpdatedAt),
            project.ReplayOf);
    }
}
