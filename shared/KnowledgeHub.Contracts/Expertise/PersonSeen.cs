using MassTransit;

namespace KnowledgeHub.Contracts.Expertise;

/// <summary>
/// A service saw a person's first authenticated request since it started, with what the token says.
/// Any service publishes it; Expertise, which owns people, creates the profile of a person it does
/// not know yet, so a person exists from their first request to any route.
/// </summary>
/// <param name="TokenIssuedAt">When the token of that request was issued: a token older than the person's
/// erasure announces nobody, even when a service that cannot check erasures let it in (ADR 0072).</param>
[MessageUrn("knowledgehub:expertise:person-seen:v1")]
public sealed record PersonSeen(Guid PersonId, string Email, string DisplayName, string? Department, DateTimeOffset SeenAt, DateTimeOffset? TokenIssuedAt = null)
{
    /// <summary>The instant this news of the person is from, for comparing with their erasure.</summary>
    public DateTimeOffset Stamp => TokenIssuedAt ?? SeenAt;
}
