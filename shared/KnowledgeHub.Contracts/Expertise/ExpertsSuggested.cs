using MassTransit;

namespace KnowledgeHub.Contracts.Expertise;

/// <summary>
/// Up to five people who could answer a question, best first; never its asker. A later suggestion
/// for the same question (a newer <paramref name="SuggestedAt"/>) replaces an earlier one.
/// </summary>
[MessageUrn("knowledgehub:expertise:experts-suggested:v1")]
public sealed record ExpertsSuggested(
    Guid PostId,
    Guid CommunityId,
    IReadOnlyList<ExpertsSuggested.Expert> Experts,
    DateTimeOffset SuggestedAt)
{
    /// <param name="Reasons">Short explanations, e.g. "accepted answer on kubernetes".</param>
    public sealed record Expert(Guid PersonId, string DisplayName, string Department, double Score, IReadOnlyList<string> Reasons);
}
