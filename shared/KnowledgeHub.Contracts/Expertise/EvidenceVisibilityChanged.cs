using MassTransit;

namespace KnowledgeHub.Contracts.Expertise;

/// <summary>
/// A person hid a piece of their evidence, or showed it again. <paramref name="Source"/> names what
/// the evidence came from (<c>answer:{id}</c>, <c>endorsement:{id}</c>, <c>project:{id}:{personId}</c>);
/// <paramref name="Hidden"/> is true while any piece from that source is hidden. Hidden evidence counts
/// nowhere, so other services leave that source out of every figure; the newest
/// <paramref name="ChangedAt"/> wins.
/// </summary>
[MessageUrn("knowledgehub:expertise:evidence-visibility-changed:v1")]
public sealed record EvidenceVisibilityChanged(Guid PersonId, string Source, bool Hidden, DateTimeOffset ChangedAt);
