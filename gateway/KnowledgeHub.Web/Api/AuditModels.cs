namespace KnowledgeHub.Web.Api;

/// <summary>One entry of the audit trail (ADR 0069); details are null once their retention has passed.</summary>
public sealed record AuditEntry(
    Guid Id, long Sequence, DateTimeOffset At, string Actor, string Action, string Target, string Service,
    IReadOnlyDictionary<string, string>? Details, string Hash, string PreviousHash);

public sealed record AuditVerification(bool Ok, long Checked, Guid? FirstBroken, long? BrokenAtSequence, string? Reason);
