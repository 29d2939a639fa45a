using MassTransit;

namespace KnowledgeHub.Contracts.Communities;

/// <summary>
/// The asker or a lead accepted an answer. <paramref name="PreviouslyAcceptedAnswerId"/> names the
/// answer it replaced, whose acceptance no longer counts.
/// </summary>
[MessageUrn("knowledgehub:communities:answer-accepted:v1")]
public sealed record AnswerAccepted(
    Guid AnswerId,
    Guid PostId,
    Guid CommunityId,
    Guid AnswerAuthorId,
    string QuestionTitle,
    IReadOnlyList<string> QuestionTags,
    Guid AcceptedBy,
    Guid? PreviouslyAcceptedAnswerId,
    DateTimeOffset AcceptedAt);
