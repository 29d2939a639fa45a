using System.Text.Json.Serialization;

namespace KnowledgeHub.Alignment.Features.Objectives;

/// <summary>One value a key result had: its first value or a check-in.</summary>
internal sealed record CheckInResponse(decimal Value, Guid CheckedInBy, DateTimeOffset CheckedInAt);

/// <summary>
/// A key result. <see cref="Progress"/> is how far <see cref="Current"/> has moved from the
/// baseline towards the target, from 0 to 1. <see cref="History"/> is filled when one objective is read.
/// </summary>
internal sealed record KeyResultResponse(
    Guid Id,
    string Title,
    decimal Baseline,
    decimal Target,
    decimal Current,
    string Unit,
    decimal Progress,
    DateTimeOffset UpdatedAt)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<CheckInResponse>? History { get; init; }

    /// <summary>People who own this key result besides the objective's owners.</summary>
    public IReadOnlyList<Guid> Owners { get; init; } = [];

    public static decimal ProgressOf(decimal baseline, decimal target, decimal current) =>
        decimal.Round(Math.Clamp((current - baseline) / (target - baseline), 0m, 1m), 4);
}

/// <summary>A project that serves the objective, as the objective shows it.</summary>
internal sealed record ObjectiveProjectResponse(
    Guid Id,
    string Name,
    string Status,
    string SponsorDepartment,
    string Contribution,
    string Rationale);

/// <summary>
/// A business objective. <see cref="Progress"/> is the mean progress of its key results (null
/// without any). <see cref="Projects"/> and the key results' history are filled when one objective is read.
/// </summary>
internal sealed record ObjectiveResponse(
    Guid Id,
    string Title,
    string Description,
    string Department,
    string Period,
    int Priority,
    decimal? Progress,
    IReadOnlyList<KeyResultResponse> KeyResults,
    Guid CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long Version)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ObjectiveProjectResponse>? Projects { get; init; }

    /// <summary>The people who own the objective jointly.</summary>
    public IReadOnlyList<Guid> Owners { get; init; } = [];

    /// <summary>The departments that own the objective jointly, its own <see cref="Department"/> first.</summary>
    public IReadOnlyList<string> OwnerDepartments { get; init; } = [];
}
