using System.Globalization;
using System.Text.Json;
using KnowledgeHub.Data;

namespace KnowledgeHub.Alignment.Features.Changes;

/// <summary>
/// The change log of projects and objectives (issue 17): every slice that changes one calls
/// <see cref="TrackProjectAsync"/> or <see cref="TrackObjectiveAsync"/> in its transaction, which reads
/// the tracked fields as they now are, compares them with the last logged snapshot and writes one
/// change per field that differs. A subject logged for the first time shows every field as new.
/// Status reports are never edited, so each is logged once as it is added
/// (<see cref="LogStatusReportAsync"/>) and kept out of the snapshot, which would otherwise grow
/// with every report and be read and rewritten whole by each change of the project.
/// </summary>
internal static class ChangeLog
{
    public const string Project = "project";
    public const string Objective = "objective";

    /// <summary>Budget, status, health, dates, members and alignments.</summary>
    public static async Task TrackProjectAsync(UnitOfWork work, Guid projectId, Guid by, DateTimeOffset at)
    {
        var state = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        var project = await work.QueryOneAsync<ProjectState>(
            $"""
            SELECT name AS Name, {work.Dialect.Decimal("planned_budget")} AS Planned, {work.Dialect.Decimal("actual_budget")} AS Actual,
                   currency AS Currency, status AS Status, health AS Health, CAST(start_date AS TEXT) AS StartDate, CAST(end_date AS TEXT) AS EndDate
            FROM projects WHERE id = @Id
            """,
            new { Id = projectId });
        if (project is null)
        {
            return;
        }

        state["name"] = project.Name;
        state["budget.planned"] = Text(project.Planned);
        state["budget.actual"] = Text(project.Actual);
        state["budget.currency"] = project.Currency;
        state["status"] = project.Status;
        state["health"] = project.Health;
        state["startDate"] = project.StartDate;
        state["endDate"] = project.EndDate;
        foreach (var (key, value) in await work.QueryAsync<(string, string)>(
            """
            SELECT 'member:' || lower(CAST(person_id AS TEXT)), role || CASE WHEN confirmed_at IS NULL THEN ' (unconfirmed)' ELSE '' END FROM project_members WHERE project_id = @Id
            UNION ALL
            SELECT 'alignment:' || lower(CAST(objective_id AS TEXT)), contribution FROM project_objectives WHERE project_id = @Id
            """,
            new { Id = projectId }))
        {
            state[key] = value;
        }

        await RecordAsync(work, Project, projectId, state, by, at);
    }

    /// <summary>A new status report, as the field <c>statusReport:{id}</c> that appeared with its health and summary.</summary>
    public static Task LogStatusReportAsync(UnitOfWork work, Guid projectId, Guid reportId, string health, string summary, Guid by, DateTimeOffset at) =>
        InsertChangesAsync(work, Project, projectId, [($"statusReport:{reportId}", null, $"{health}: {summary}")], by, at);

    /// <summary>Title, department, period, priority, owners and each key result's title, target and current value.</summary>
    public static async Task TrackObjectiveAsync(UnitOfWork work, Guid objectiveId, Guid by, DateTimeOffset at)
    {
        var state = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        var objective = await work.QueryOneAsync<ObjectiveState>(
            "SELECT title AS Title, department AS Department, period AS Period, priority AS Priority FROM objectives WHERE id = @Id",
            new { Id = objectiveId });
        if (objective is null)
        {
            return;
        }

        state["title"] = objective.Title;
        state["department"] = objective.Department;
        state["period"] = objective.Period;
        state["priority"] = objective.Priority.ToString(CultureInfo.InvariantCulture);
        var owners = await work.QueryAsync<string>("SELECT lower(CAST(person_id AS TEXT)) FROM objective_owners WHERE objective_id = @Id", new { Id = objectiveId });
        state["owners"] = string.Join(",", owners.Order(StringComparer.Ordinal));
        var departments = await work.QueryAsync<string>("SELECT department FROM objective_departments WHERE objective_id = @Id", new { Id = objectiveId });
        state["ownerDepartments"] = string.Join(",", departments.Order(StringComparer.Ordinal));
        foreach (var keyResult in await work.QueryAsync<KeyResultState>(
            $"""
            SELECT lower(CAST(id AS TEXT)) AS Id, title AS Title, {work.Dialect.Decimal("target")} AS Target, {work.Dialect.Decimal("current_value")} AS CurrentValue
            FROM key_results WHERE objective_id = @Id
            """,
            new { Id = objectiveId }))
        {
            state[$"keyResult:{keyResult.Id}.title"] = keyResult.Title;
            state[$"keyResult:{keyResult.Id}.target"] = Text(keyResult.Target);
            state[$"keyResult:{keyResult.Id}.current"] = Text(keyResult.CurrentValue);
        }

        await RecordAsync(work, Objective, objectiveId, state, by, at);
    }

    private static async Task RecordAsync(UnitOfWork work, string subjectType, Guid subjectId, SortedDictionary<string, string?> after, Guid by, DateTimeOffset at)
    {
        var stored = await work.QueryOneAsync<string>(
            "SELECT state FROM change_snapshots WHERE subject_type = @Type AND subject_id = @Id", new { Type = subjectType, Id = subjectId });
        var before = stored is null ? [] : JsonSerializer.Deserialize<Dictionary<string, string?>>(stored)!;
        var changes = after.Keys.Union(before.Keys)
            .Order(StringComparer.Ordinal)
            .Select(field => (Field: field, Before: before.GetValueOrDefault(field), After: after.GetValueOrDefault(field)))
            .Where(change => change.Before != change.After)
            .ToList();
        if (changes.Count == 0)
        {
            return;
        }

        await InsertChangesAsync(work, subjectType, subjectId, changes, by, at);
        await work.ExecuteAsync(
            """
            INSERT INTO change_snapshots (subject_type, subject_id, state) VALUES (@Type, @Id, @State)
            ON CONFLICT (subject_type, subject_id) DO UPDATE SET state = excluded.state
            """,
            new { Type = subjectType, Id = subjectId, State = JsonSerializer.Serialize(after) });
    }

    private static Task InsertChangesAsync(
        UnitOfWork work, string subjectType, Guid subjectId, IEnumerable<(string Field, string? Before, string? After)> changes, Guid by, DateTimeOffset at) =>
        work.ExecuteAsync(
            """
            INSERT INTO changes (id, subject_type, subject_id, field, before_value, after_value, changed_by, changed_at)
            VALUES (@Id, @Type, @SubjectId, @Field, @Before, @After, @By, @At)
            """,
            changes.Select(change => new { Id = Guid.CreateVersion7(), Type = subjectType, SubjectId = subjectId, change.Field, change.Before, change.After, By = by, At = at }));

    private static string Text(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private sealed class ProjectState
    {
        public required string Name { get; init; }

        public decimal Planned { get; init; }

        public decimal Actual { get; init; }

        public required string Currency { get; init; }

        public required string Status { get; init; }

        public string? Health { get; init; }

        public required string StartDate { get; init; }

        public required string EndDate { get; init; }
    }

    private sealed class ObjectiveState
    {
        public required string Title { get; init; }

        public required string Department { get; init; }

        public required string Period { get; init; }

        public int Priority { get; init; }
    }

    private sealed class KeyResultState
    {
        public required string Id { get; init; }

        public required string Title { get; init; }

        public decimal Target { get; init; }

        public decimal CurrentValue { get; init; }
    }
}
