using System.Text.Json;
using KnowledgeHub.Communities.Features.Posts;
using KnowledgeHub.Contracts.Expertise;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging;
using KnowledgeHub.Messaging.Inbox;

namespace KnowledgeHub.Communities.Consumers;

/// <summary>
/// Keeps the Expertise service's latest suggestion for each question; an older suggestion never
/// replaces a newer one, and a suggestion for a post that is gone (or no question) is dropped.
/// </summary>
internal sealed class ExpertsSuggestedConsumer(CommunitiesDatabase database, TimeProvider time)
    : InboxConsumer<CommunitiesDatabase, ExpertsSuggested>(database, time)
{
    private const int MaxExperts = 5;

    protected override Task ApplyAsync(UnitOfWork work, ExpertsSuggested message, CancellationToken cancellationToken)
    {
        if (message.PostId == Guid.Empty || message.Experts is null
            || message.Experts.Any(expert => expert is null || expert.PersonId == Guid.Empty || string.IsNullOrWhiteSpace(expert.DisplayName)))
        {
            throw new InvalidEventException("An ExpertsSuggested needs a post and, for every expert, a person id and a display name.");
        }

        var experts = message.Experts
            .Take(MaxExperts)
            .Select(expert => new SuggestedExpert(expert.PersonId, expert.DisplayName, expert.Department ?? "", expert.Score, expert.Reasons ?? []))
            .ToList();
        return work.ExecuteAsync(
            """
            INSERT INTO expert_suggestions (post_id, suggested_at, experts)
            SELECT p.id, @SuggestedAt, @Experts FROM posts p WHERE p.id = @PostId AND p.type = 'question'
            ON CONFLICT (post_id) DO UPDATE SET suggested_at = excluded.suggested_at, experts = excluded.experts
                WHERE expert_suggestions.suggested_at < excluded.suggested_at
            """,
            new { message.PostId, message.SuggestedAt, Experts = JsonSerializer.Serialize(experts, SuggestedExperts.Json) });
    }
}
