using System.Text.Json.Nodes;
using KnowledgeHub.Data;
using KnowledgeHub.Expertise.Features.People;
using KnowledgeHub.Messaging.Audit;
using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.ServiceDefaults.Http;

namespace KnowledgeHub.Expertise.Features.Scim;

/// <summary>
/// People as SCIM Users: read, list, and written in one transaction each, announced like any
/// profile change. A person is keyed by e-mail: a User's userName is the address whose name-based
/// id the person gets at sign-in (ADR 0068), so the directory and the sign-in meet in one person.
/// </summary>
internal sealed class ScimUsers(ExpertiseDatabase database, ScimDepartments departments, PersonChanges changes, ExpertisePersonStatus status, AuditTrail<ExpertiseDatabase> audit, TimeProvider time)
{
    private const string Select =
        """
        SELECT p.id AS Id, p.email AS Email, p.display_name AS DisplayName, p.department AS DepartmentCode, d.name AS DepartmentName,
               p.title AS Title, p.external_id AS ExternalId, p.given_name AS GivenName, p.family_name AS FamilyName,
               p.work_email AS WorkEmail, p.deactivated_at AS DeactivatedAt, p.created_at AS CreatedAt, p.updated_at AS UpdatedAt,
               p.version AS Version
        FROM people p JOIN departments d ON d.code = p.department
        """;

    public static async Task<ScimUserRow?> FindAsync(DbSession session, Guid id) =>
        (await session.QueryAsync<ScimUserRow>($"{Select} WHERE p.id = @Id AND NOT p.scim_removed", new { Id = id })).FirstOrDefault();

    /// <summary>One page of the Users a filter on userName (any case) or externalId keeps, by userName.</summary>
    public static async Task<(long Total, IReadOnlyList<ScimUserRow> Users)> ListAsync(DbSession session, ScimFilter? filter, ScimPage page)
    {
        var where = "WHERE NOT p.scim_removed" + filter?.Attribute switch
        {
            null => "",
            "userName" => " AND p.email = @Value",
            _ => " AND p.external_id = @Value",
        };
        var parameters = new { Value = filter?.Attribute == "userName" ? filter.Value.Trim().ToLowerInvariant() : filter?.Value, page.Count, page.Offset };
        var total = await session.ScalarAsync<long>($"SELECT count(*) FROM people p {where}", parameters);
        var users = await session.QueryAsync<ScimUserRow>($"{Select} {where} ORDER BY p.email LIMIT @Count OFFSET @Offset", parameters);
        return (total, users);
    }

    /// <summary>Provisions a person; one the directory deleted before comes back as the same person.</summary>
    public async Task<ScimUserRow> CreateAsync(ScimUserFields fields, CancellationToken cancellationToken)
    {
        fields.Check();
        await using var work = await database.BeginAsync(cancellationToken);
        var existing = await work.QueryOneAsync<ExistingRow>(
            "SELECT id AS Id, scim_removed AS Removed, version AS Version FROM people WHERE email = @Email", new { fields.Email });
        if (existing is { Removed: false })
        {
            throw ScimException.Uniqueness($"A user with userName '{fields.Email}' exists.");
        }

        var id = existing?.Id ?? PersonIds.FromEmail(fields.Email);
        await WriteAsync(work, id, fields, removed: false, existing?.Version, "scim.user.provisioned");
        return (await FinishAsync(work, id))!;
    }

    /// <summary>Changes a User (PUT or PATCH): the change sees the current fields and returns the new ones.</summary>
    public async Task<ScimUserRow> UpdateAsync(Guid id, Func<ScimUserFields, ScimUserFields> change, CancellationToken cancellationToken)
    {
        await using var work = await database.BeginAsync(cancellationToken);
        var current = await FindAsync(work, id) ?? throw ScimException.NotFound("The user");
        var fields = change(current.ToFields());
        fields.Check();
        if (fields.Email != current.Email)
        {
            throw ScimException.Mutability("'userName' cannot change: the e-mail address is the person's identity in the hub.");
        }

        await WriteAsync(work, id, fields, removed: false, current.Version, "scim.user.updated");
        return (await FinishAsync(work, id))!;
    }

    /// <summary>Deprovisions: the person is deactivated and gone from SCIM; their row and contributions stay.</summary>
    public async Task DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var work = await database.BeginAsync(cancellationToken);
        var current = await FindAsync(work, id) ?? throw ScimException.NotFound("The user");
        await WriteAsync(work, id, current.ToFields() with { Active = false }, removed: true, current.Version, "scim.user.deprovisioned");
        await FinishAsync(work, id);
    }

    private async Task WriteAsync(UnitOfWork work, Guid id, ScimUserFields fields, bool removed, long? expectedVersion, string auditAction)
    {
        var now = time.UtcNowForDatabase();
        var name = fields.ShownName();
        var department = await departments.ResolveAsync(work, fields.Department);
        var written = await work.ExecuteAsync(
            """
            INSERT INTO people (id, email, display_name, name_key, department, title, external_id, given_name, family_name, work_email,
                                deactivated_at, scim_removed, version, created_at, updated_at)
            VALUES (@Id, @Email, @DisplayName, @NameKey, @Department, @Title, @ExternalId, @GivenName, @FamilyName, @WorkEmail,
                    @DeactivatedAt, @Removed, 1, @Now, @Now)
            ON CONFLICT (id) DO UPDATE SET
                display_name = excluded.display_name, name_key = excluded.name_key, department = excluded.department,
                title = excluded.title, external_id = excluded.external_id, given_name = excluded.given_name,
                family_name = excluded.family_name, work_email = excluded.work_email,
                deactivated_at = CASE WHEN excluded.deactivated_at IS NULL THEN NULL ELSE coalesce(people.deactivated_at, excluded.deactivated_at) END,
                scim_removed = excluded.scim_removed, version = people.version + 1, updated_at = excluded.updated_at
            WHERE people.version = @ExpectedVersion
            """,
            new
            {
                Id = id,
                fields.Email,
                DisplayName = name,
                NameKey = ProfileRules.NameKey(name),
                Department = department,
                fields.Title,
                fields.ExternalId,
                fields.GivenName,
                fields.FamilyName,
                fields.WorkEmail,
                DeactivatedAt = fields.Active ? (DateTimeOffset?)null : now,
                Removed = removed,
                ExpectedVersion = expectedVersion ?? 0,
                Now = now,
            });
        if (written == 0)
        {
            throw new ScimException(Microsoft.AspNetCore.Http.StatusCodes.Status409Conflict, null, "The user changed meanwhile; send the request again.");
        }

        await audit.RecordAsync(work, AuditTrail<ExpertiseDatabase>.ScimActor, auditAction, AuditTrail<ExpertiseDatabase>.Person(id), ("active", fields.Active), ("department", department));
    }

    private async Task<ScimUserRow?> FinishAsync(UnitOfWork work, Guid id)
    {
        await changes.PublishAsync(work, id);
        var row = await FindAsync(work, id);
        work.AfterCommit(() => status.Forget(id));
        await work.CommitAsync();
        return row;
    }

    private sealed class ExistingRow
    {
        public Guid Id { get; init; }

        public bool Removed { get; init; }

        public long Version { get; init; }
    }
}

/// <summary>A person as SCIM reads them.</summary>
internal sealed class ScimUserRow
{
    public Guid Id { get; init; }

    public required string Email { get; init; }

    public required string DisplayName { get; init; }

    public required string DepartmentCode { get; init; }

    public required string DepartmentName { get; init; }

    public string? Title { get; init; }

    public string? ExternalId { get; init; }

    public string? GivenName { get; init; }

    public string? FamilyName { get; init; }

    public string? WorkEmail { get; init; }

    public DateTimeOffset? DeactivatedAt { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public long Version { get; init; }

    private string? Department => DepartmentCode == DepartmentCodes.Unassigned ? null : DepartmentName;

    public ScimUserFields ToFields() =>
        new()
        {
            UserName = Email,
            ExternalId = ExternalId,
            GivenName = GivenName,
            FamilyName = FamilyName,
            DisplayName = DisplayName,
            Title = Title,
            WorkEmail = WorkEmail,
            Department = Department,
            Active = DeactivatedAt is null,
        };

    public JsonObject ToResource(ScimLocations locations)
    {
        var user = new JsonObject
        {
            ["schemas"] = new JsonArray(ScimSchemas.User, ScimSchemas.EnterpriseUser),
            ["id"] = Id.ToString(),
            ["externalId"] = ExternalId,
            ["userName"] = Email,
            ["name"] = new JsonObject { ["givenName"] = GivenName, ["familyName"] = FamilyName, ["formatted"] = DisplayName },
            ["displayName"] = DisplayName,
            ["title"] = Title,
            ["emails"] = new JsonArray(new JsonObject { ["value"] = WorkEmail ?? Email, ["type"] = "work", ["primary"] = true }),
            ["active"] = DeactivatedAt is null,
            [ScimSchemas.EnterpriseUser] = new JsonObject { ["department"] = Department },
            ["meta"] = locations.Meta("User", Id.ToString(), CreatedAt, UpdatedAt),
        };
        return ScimLocations.WithoutNulls(user);
    }
}
