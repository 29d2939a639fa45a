using KnowledgeHub.Contracts.Communities;
using KnowledgeHub.Data;
using KnowledgeHub.Expertise.Features.Evidence;
using KnowledgeHub.Messaging.Inbox;

namespace KnowledgeHub.Expertise.Consumers;

/// <summary>An edited post (or its community's new visibility) replaces the evidence it gave, and re-suggests experts when a question's tags changed.</summary>
internal sealed class PostUpdatedConsumer(ExpertiseDatabase database, TimeProvider time, PostChanges posts)
    : InboxConsumer<ExpertiseDatabase, PostUpdated>(database, time)
{
    protected override Task ApplyAsync(UnitOfWork work, PostUpdated message, CancellationToken cancellationToken) =>
        posts.ApplyAsync(
            work,
            PostStates.From(
                nameof(PostUpdated), message.PostId, message.CommunityId, message.CommunityVisibility, message.Type, message.Title,
                message.Tags, message.AuthorId, message.Version, message.CreatedAt, message.Body));
}
