namespace KnowledgeHub.Alignment.Features.Alignments;

/// <summary>What "aligned" means in SQL, shared by the project list and the scorecard so they always agree.</summary>
internal static class AlignmentSql
{
    /// <summary>
    /// True when project <paramref name="projectAlias"/> serves at least one objective: one of the
    /// period in parameter <c>@Period</c> when <paramref name="ofPeriod"/>, any objective otherwise.
    /// </summary>
    public static string ServesAnObjective(string projectAlias, bool ofPeriod) => ofPeriod
        ? $"EXISTS (SELECT 1 FROM project_objectives l JOIN objectives o ON o.id = l.objective_id WHERE l.project_id = {projectAlias}.id AND o.period = @Period)"
        : $"EXISTS (SELECT 1 FROM project_objectives l WHERE l.project_id = {projectAlias}.id)";
}
