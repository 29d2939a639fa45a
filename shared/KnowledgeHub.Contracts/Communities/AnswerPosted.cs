using MassTransit;

namespace KnowledgeHub.Contracts.Communities;

/// <summary>Someone answered a question. Carries the question's title and tags: the answer is evidence of expertise in them.</summary>
[MessageUrn("knowledgehub:communities:answer-posted:v1")]
public sealed record AnswerPosted(
    Guid AnswerId,
    Guid PostId,
    Guid CommunityId,
    string CommunityVisibility,
    Guid AuthorId,
    string? AuthorDepartment,
    Guid QuestionAuthorId,
    string QuestionTitle,
    IReadOnlyList<string> QuestionTags,
    string Body,
    DateTimeOffset PostedAt);
