using MassTransit;

namespace KnowledgeHub.Contracts.Expertise;

/// <summary>
/// A person asked for their data to be erased, or an admin erased them (ADR 0072): every service
/// erases what it holds about them and answers with <see cref="PersonDataErased"/>. Their
/// contributions stay, shown as by a former member.
/// </summary>
/// <param name="RequestedAt">When the erasure was asked for, on Expertise's clock: news of the person
/// stamped no later than this is older than the erasure and is ignored.</param>
[MessageUrn("knowledgehub:privacy:person-erasure-started:v1")]
public sealed record PersonErasureStarted(Guid ErasureId, Guid PersonId, DateTimeOffset RequestedAt);

/// <summary>One service's answer to <see cref="PersonErasureStarted"/>: it holds nothing more about the person.</summary>
/// <param name="Service">The service's name, as <c>GET /api/erasures/{id}</c> lists it.</param>
[MessageUrn("knowledgehub:privacy:person-data-erased:v1")]
public sealed record PersonDataErased(Guid ErasureId, Guid PersonId, string Service, DateTimeOffset ErasedAt);
