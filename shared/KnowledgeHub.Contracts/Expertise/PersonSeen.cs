using MassTransit;

namespace KnowledgeHub.Contracts.Expertise;

/// <summary>
/// A service saw a person's first authenticated request since it started, with what the token says.
/// Any service publishes it; Expertise, which owns people, creates the profile of a person it does
/// not know yet, so a person exists from their first request to any route.
/// </summary>
[MessageUrn("knowledgehub:expertise:person-seen:v1")]
public sealed record PersonSeen(Guid PersonId, string Email, string DisplayName, string? Department, DateTimeOffset SeenAt);
