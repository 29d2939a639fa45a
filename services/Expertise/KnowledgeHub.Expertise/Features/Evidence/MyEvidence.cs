namespace KnowledgeHub.Expertise.Features.Evidence;

/// <summary>A piece of one's own evidence as its owner sees it; <paramref name="Weight"/> is what it counts today.</summary>
internal sealed record MyEvidenceItem(Guid Id, string Kind, string Skill, string Detail, DateTimeOffset At, bool Hidden, double Weight);

internal sealed class MyEvidenceRow
{
    public const string Select = """
        SELECT e.id AS Id, e.source AS Source, e.kind AS Kind, s.name AS Skill, e.detail AS Detail, e.occurred_at AS At, e.hidden AS Hidden, e.weight AS Weight
        FROM evidence e JOIN skills s ON s.id = e.skill_id
        """;

    public Guid Id { get; init; }

    /// <summary>What the piece came from; its document (ADR 0043) is hidden with it.</summary>
    public string Source { get; init; } = "";

    public required string Kind { get; init; }

    public required string Skill { get; init; }

    public required string Detail { get; init; }

    public DateTimeOffset At { get; init; }

    public bool Hidden { get; init; }

    public double Weight { get; init; }

    public MyEvidenceItem ToItem(DateTimeOffset now) =>
        new(Id, Kind, Skill, Detail, At, Hidden, Math.Round(ExpertiseModel.CurrentWeight(Weight, At, now), 3));
}
