using KnowledgeHub.Contracts.Communities;
using KnowledgeHub.Data;
using KnowledgeHub.Expertise.Features.Evidence;
using KnowledgeHub.Messaging.Inbox;

namespace KnowledgeHub.Expertise.Consumers;

/// <summary>An article, resource or event is evidence for its author; a question gets experts suggested.</summary>
internal sealed class PostPublishedConsumer(ExpertiseDatabase database, TimeProvider time, PostChanges posts)
    : InboxConsumer<ExpertiseDatabase, PostPublished>(database, time)
{
    protected override Task ApplyAsync(UnitOfWork work, PostPublished message, CancellationToken cancellationToken) =>
        posts.ApplyAsync(
            work,
            PostStates.From(
                nameof(PostPublished), message.PostId, message.CommunityId, message.CommunityVisibility, message.Type, message.Title,
                message.Tags, message.AuthorId, message.Version, message.CreatedAt, message.Body));
}
