using MassTransit;

namespace KnowledgeHub.Contracts.Expertise;

/// <summary>A colleague endorsed a person for a canonical skill.</summary>
[MessageUrn("knowledgehub:expertise:endorsement-given:v1")]
public sealed record EndorsementGiven(
    Guid EndorsementId,
    Guid PersonId,
    string Skill,
    Guid EndorserId,
    DateTimeOffset GivenAt);
