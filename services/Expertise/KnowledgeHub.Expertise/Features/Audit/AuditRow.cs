using System.Text.Json;

namespace KnowledgeHub.Expertise.Features.Audit;

/// <summary>One entry of the audit trail as stored.</summary>
internal sealed class AuditRow
{
    public const string Columns =
        "seq AS Seq, id AS Id, at AS At, actor AS Actor, action AS Action, target AS Target, service AS Service, " +
        "details AS Details, details_digest AS DetailsDigest, previous_hash AS PreviousHash, hash AS Hash";

    public long Seq { get; init; }

    public Guid Id { get; init; }

    public DateTimeOffset At { get; init; }

    public required string Actor { get; init; }

    public required string Action { get; init; }

    public required string Target { get; init; }

    public required string Service { get; init; }

    /// <summary>Null once the retention of details has passed; <see cref="DetailsDigest"/> stays.</summary>
    public string? Details { get; init; }

    public required string DetailsDigest { get; init; }

    public required string PreviousHash { get; init; }

    public required string Hash { get; init; }

    public AuditEntryResponse ToResponse() => new(
        Id,
        Seq,
        At,
        Actor,
        Action,
        Target,
        Service,
        Details is null ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(Details),
        Hash,
        PreviousHash);
}

/// <param name="Sequence">The entry's position in the chain, from 1.</param>
/// <param name="Details">Null once their retention has passed.</param>
internal sealed record AuditEntryResponse(
    Guid Id,
    long Sequence,
    DateTimeOffset At,
    string Actor,
    string Action,
    string Target,
    string Service,
    IReadOnlyDictionary<string, string>? Details,
    string Hash,
    string PreviousHash);
