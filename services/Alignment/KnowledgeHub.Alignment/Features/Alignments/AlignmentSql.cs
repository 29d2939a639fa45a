using KnowledgeHub.Data;

namespace KnowledgeHub.Alignment.Features.Alignments;

/// <summary>What "aligned" means in SQL, shared by the project list and the scorecard so they always agree.</summary>
internal static class AlignmentSql
{
    /// <summary>
    /// True when project <paramref name="projectAlias"/> serves at least one objective: one of the
    /// periods in list parameter <c>@Periods</c> (a period and those containing it, see
    /// <see cref="Objectives.Periods.Containing"/>) when <paramref name="ofPeriod"/>, any objective otherwise.
    /// </summary>
    public static string ServesAnObjective(string projectAlias, bool ofPeriod, SqlDialect dialect) => ofPeriod
        ? $"EXISTS (SELECT 1 FROM project_objectives l JOIN objectives o ON o.id = l.objective_id WHERE l.project_id = {projectAlias}.id AND {dialect.InList("o.period", "@Periods")})"
        : $"EXISTS (SELECT 1 FROM project_objectives l WHERE l.project_id = {projectAlias}.id)";

    /// <summary>
    /// How much of project <paramref name="projectAlias"/>'s budget counts as weighted aligned spend
    /// (ADR 0040): its strongest contribution to an objective of <c>@Periods</c>, high 1, medium 0.5,
    /// low 0.25, and 0 when it serves none.
    /// </summary>
    public static string ContributionWeight(string projectAlias, SqlDialect dialect) =>
        $"""
        COALESCE((SELECT max(CASE l.contribution WHEN 'high' THEN 1.0 WHEN 'medium' THEN 0.5 ELSE 0.25 END)
                  FROM project_objectives l JOIN objectives o ON o.id = l.objective_id
                  WHERE l.project_id = {projectAlias}.id AND {dialect.InList("o.period", "@Periods")}), 0)
        """;
}
