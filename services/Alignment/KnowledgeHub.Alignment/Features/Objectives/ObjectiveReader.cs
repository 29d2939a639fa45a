using KnowledgeHub.Data;

namespace KnowledgeHub.Alignment.Features.Objectives;

/// <summary>Reads objectives with their key results; in detail also each key result's history and the projects serving it.</summary>
internal static class ObjectiveReader
{
    /// <summary><paramref name="filter"/> continues <c>FROM objectives o</c> with WHERE, ORDER BY and LIMIT.</summary>
    public static async Task<IReadOnlyList<ObjectiveResponse>> ReadAsync(
        DbSession session,
        string filter,
        object parameters,
        bool detailed)
    {
        var objectives = (await session.QueryAsync<ObjectiveRow>(
            $"""
            SELECT o.id AS Id, o.title AS Title, o.description AS Description, o.department AS Department, o.period AS Period,
                   o.priority AS Priority, o.created_by AS CreatedBy, o.created_at AS CreatedAt, o.updated_at AS UpdatedAt,
                   o.version AS Version
            FROM objectives o
            {filter}
            """,
            parameters)).ToList();
        if (objectives.Count == 0)
        {
            return [];
        }

        var ids = objectives.Select(objective => objective.Id).ToArray();
        async Task<ILookup<Guid, TRow>> ReadGroupedAsync<TRow>(string sql, Func<TRow, Guid> keyOf) =>
            (await session.QueryAsync<TRow>(sql, new { Ids = ids })).ToLookup(keyOf);

        var keyResults = await ReadGroupedAsync<KeyResultRow>(
            $"""
            SELECT k.objective_id AS ObjectiveId, k.id AS Id, k.title AS Title, {session.Dialect.Decimal("k.baseline")} AS Baseline,
                   {session.Dialect.Decimal("k.target")} AS Target, {session.Dialect.Decimal("k.current_value")} AS CurrentValue, k.unit AS Unit,
                   k.updated_at AS UpdatedAt
            FROM key_results k WHERE {session.Dialect.InList("k.objective_id", "@Ids")}
            ORDER BY k.position
            """,
            row => row.ObjectiveId);
        var owners = await ReadGroupedAsync<OwnerRow>(
            $"SELECT objective_id AS OwnedId, person_id AS PersonId FROM objective_owners WHERE {session.Dialect.InList("objective_id", "@Ids")} ORDER BY person_id",
            row => row.OwnedId);
        var ownerDepartments = await ReadGroupedAsync<DepartmentOwnerRow>(
            $"SELECT objective_id AS ObjectiveId, department AS Department FROM objective_departments WHERE {session.Dialect.InList("objective_id", "@Ids")} ORDER BY department",
            row => row.ObjectiveId);
        var keyResultOwners = await ReadGroupedAsync<OwnerRow>(
            $"""
            SELECT o.key_result_id AS OwnedId, o.person_id AS PersonId
            FROM key_result_owners o JOIN key_results k ON k.id = o.key_result_id
            WHERE {session.Dialect.InList("k.objective_id", "@Ids")} ORDER BY o.person_id
            """,
            row => row.OwnedId);
        var history = detailed
            ? await ReadGroupedAsync<CheckInRow>(
                $"""
                SELECT c.key_result_id AS KeyResultId, {session.Dialect.Decimal("c.value")} AS Value, c.checked_in_by AS CheckedInBy,
                       c.checked_in_at AS CheckedInAt
                FROM key_result_checkins c JOIN key_results k ON k.id = c.key_result_id
                WHERE {session.Dialect.InList("k.objective_id", "@Ids")}
                ORDER BY c.checked_in_at, c.id
                """,
                row => row.KeyResultId)
            : null;
        var projects = detailed
            ? await ReadGroupedAsync<ProjectRow>(
                $"""
                SELECT l.objective_id AS ObjectiveId, p.id AS Id, p.name AS Name, p.status AS Status,
                       p.sponsor_department AS SponsorDepartment, l.contribution AS Contribution, l.rationale AS Rationale
                FROM project_objectives l JOIN projects p ON p.id = l.project_id
                WHERE {session.Dialect.InList("l.objective_id", "@Ids")}
                ORDER BY p.name, p.id
                """,
                row => row.ObjectiveId)
            : null;

        return objectives.Select(objective =>
        {
            var results = keyResults[objective.Id].Select(row => new KeyResultResponse(
                row.Id,
                row.Title,
                row.Baseline,
                row.Target,
                row.CurrentValue,
                row.Unit,
                KeyResultResponse.ProgressOf(row.Baseline, row.Target, row.CurrentValue),
                row.UpdatedAt)
            {
                History = history?[row.Id].Select(checkIn => new CheckInResponse(checkIn.Value, checkIn.CheckedInBy, checkIn.CheckedInAt)).ToList(),
                Owners = keyResultOwners[row.Id].Select(owner => owner.PersonId).ToList(),
            }).ToList();
            return new ObjectiveResponse(
                objective.Id,
                objective.Title,
                objective.Description,
                objective.Department,
                objective.Period,
                objective.Priority,
                results.Count == 0 ? null : decimal.Round(results.Average(result => result.Progress), 4),
                results,
                objective.CreatedBy,
                objective.CreatedAt,
                objective.UpdatedAt,
                objective.Version)
            {
                Projects = projects?[objective.Id].Select(row => new ObjectiveProjectResponse(
                    row.Id, row.Name, row.Status, row.SponsorDepartment, row.Contribution, row.Rationale)).ToList(),
                Owners = owners[objective.Id].Select(owner => owner.PersonId).ToList(),
                OwnerDepartments = [objective.Department, .. ownerDepartments[objective.Id].Select(row => row.Department).Where(code => code != objective.Department)],
            };
        }).ToList();
    }

    public static async Task<ObjectiveResponse?> ReadOneAsync(
        DbSession session, Guid id)
    {
        var found = await ReadAsync(session, "WHERE o.id = @Id", new { Id = id }, detailed: true);
        return found.Count == 0 ? null : found[0];
    }

    private sealed class ObjectiveRow
    {
        public Guid Id { get; init; }

        public required string Title { get; init; }

        public required string Description { get; init; }

        public required string Department { get; init; }

        public required string Period { get; init; }

        public int Priority { get; init; }

        public Guid CreatedBy { get; init; }

        public DateTimeOffset CreatedAt { get; init; }

        public DateTimeOffset UpdatedAt { get; init; }

        public long Version { get; init; }
    }

    private sealed class KeyResultRow
    {
        public Guid Id { get; init; }

        public Guid ObjectiveId { get; init; }

        public required string Title { get; init; }

        public decimal Baseline { get; init; }

        public decimal Target { get; init; }

        public decimal CurrentValue { get; init; }

        public required string Unit { get; init; }

        public DateTimeOffset UpdatedAt { get; init; }
    }

    private sealed class OwnerRow
    {
        public Guid OwnedId { get; init; }

        public Guid PersonId { get; init; }
    }

    private sealed class DepartmentOwnerRow
    {
        public Guid ObjectiveId { get; init; }

        public required string Department { get; init; }
    }

    private sealed class CheckInRow
    {
        public Guid KeyResultId { get; init; }

        public decimal Value { get; init; }

        public Guid CheckedInBy { get; init; }

        public DateTimeOffset CheckedInAt { get; init; }
    }

    private sealed class ProjectRow
    {
        public Guid ObjectiveId { get; init; }

        public Guid Id { get; init; }

        public required string Name { get; init; }

        public required string Status { get; init; }

        public required string SponsorDepartment { get; init; }

        public required string Contribution { get; init; }

        public required string Rationale { get; init; }
    }
}
