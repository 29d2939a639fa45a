using System.Text.Json;
using KnowledgeHub.Communities.Features.Posts;
using KnowledgeHub.Communities.Features.Privacy;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging.Outbox;
using KnowledgeHub.Messaging.People;
using KnowledgeHub.Messaging.Privacy;

namespace KnowledgeHub.Communities.Consumers;

/// <summary>
/// Erases a person from the communities (ADR 0072); beyond the statements, they leave the experts
/// suggested for questions, where Expertise's suggestion named them.
/// </summary>
internal sealed class PersonErasureStartedConsumer(CommunitiesDatabase database, TimeProvider time, Outbox<CommunitiesDatabase> outbox, PeopleSeen peopleSeen)
    : PersonErasureConsumer<CommunitiesDatabase>(database, time, outbox, peopleSeen)
{
    protected override IReadOnlyList<string> Statements => CommunitiesPersonalData.Erasure;

    protected override async Task AfterStatementsAsync(UnitOfWork work, Guid personId)
    {
        var suggestions = await work.QueryAsync<Suggestion>(
            "SELECT post_id AS PostId, experts AS Experts FROM expert_suggestions WHERE experts LIKE @Pattern",
            new { Pattern = $"%{personId}%" });
        foreach (var suggestion in suggestions)
        {
            var experts = JsonSerializer.Deserialize<List<SuggestedExpert>>(suggestion.Experts, SuggestedExperts.Json) ?? [];
            await work.ExecuteAsync(
                "UPDATE expert_suggestions SET experts = @Experts WHERE post_id = @PostId",
                new { suggestion.PostId, Experts = JsonSerializer.Serialize(experts.Where(expert => expert.PersonId != personId).ToList(), SuggestedExperts.Json) });
        }
    }

    private sealed class Suggestion
    {
        public Guid PostId { get; init; }

        public required string Experts { get; init; }
    }
}
