using MassTransit;

namespace KnowledgeHub.Contracts.Expertise;

/// <summary>
/// An admin's or a lead's action, or a change of a person's data by someone else, as the service that
/// did it recorded it in the same transaction (ADR 0069).
/// Every service publishes these, as they do <see cref="PersonSeen"/>; Expertise keeps them in one hash-chained trail.
/// </summary>
/// <param name="Actor">The acting person's id, or a system actor such as <c>scim</c>.</param>
/// <param name="Action">A dotted verb such as <c>community.request.declined</c>.</param>
/// <param name="Target">What was acted on, <c>kind:id</c>, such as <c>person:3f…</c> or <c>department:ENG</c>.</param>
/// <param name="Details">Ids and values that say what changed; no names or e-mail addresses.</param>
[MessageUrn("knowledgehub:audit:action-audited:v1")]
public sealed record ActionAudited(
    Guid Id,
    DateTimeOffset At,
    string Actor,
    string Action,
    string Target,
    string Service,
    IReadOnlyDictionary<string, string> Details);
