using System.Text.Json.Nodes;
using KnowledgeHub.Data;
using KnowledgeHub.Expertise.Features.Departments;
using KnowledgeHub.Expertise.Features.People;
using KnowledgeHub.Messaging.Audit;
using KnowledgeHub.ServiceDefaults.Http;

namespace KnowledgeHub.Expertise.Features.Scim;

/// <summary>A Group's attributes as a write sees them: its name and its members' ids.</summary>
internal sealed record ScimGroupState(string? DisplayName, IReadOnlySet<Guid> Members)
{
    public static IReadOnlySet<Guid> Ids(IEnumerable<string> values) =>
        values.Select(value => Guid.TryParse(value, out var id) ? id : throw ScimException.InvalidValue($"'{value}' is not a user's id.")).ToHashSet();
}

/// <summary>
/// Departments as SCIM Groups: the id is the department's code, displayName its name, members its
/// people. Adding a member moves the person into the department; removing one leaves them in
/// UNASSIGNED. Departments are never removed, so a Group cannot be deleted.
/// </summary>
internal sealed class ScimGroups(ExpertiseDatabase database, DepartmentDirectory departments, PersonChanges changes, AuditTrail<ExpertiseDatabase> audit)
{
    private const string Select = "SELECT code AS Code, name AS Name, updated_at AS UpdatedAt FROM departments";

    public static async Task<ScimGroupRow?> FindAsync(DbSession session, string code) =>
        await session.QueryOneAsync<ScimGroupRow>($"{Select} WHERE code = @Code", new { Code = code });

    /// <summary>One page of the Groups a filter on displayName (any case) keeps, by code.</summary>
    public static async Task<(long Total, IReadOnlyList<ScimGroupRow> Groups)> ListAsync(DbSession session, ScimFilter? filter, ScimPage page)
    {
        var where = filter is null ? "" : "WHERE lower(name) = lower(@Value)";
        var parameters = new { filter?.Value, page.Count, page.Offset };
        var total = await session.ScalarAsync<long>($"SELECT count(*) FROM departments {where}", parameters);
        var groups = await session.QueryAsync<ScimGroupRow>($"{Select} {where} ORDER BY code LIMIT @Count OFFSET @Offset", parameters);
        return (total, groups);
    }

    /// <summary>The Groups as resources, with their members unless the client excluded them.</summary>
    public static async Task<IReadOnlyList<JsonObject>> ToResourcesAsync(DbSession session, IReadOnlyList<ScimGroupRow> groups, ScimGroupView view)
    {
        var members = view.WithMembers && groups.Count > 0
            ? (await session.QueryAsync<ScimMember>(
                $"SELECT id AS Id, display_name AS DisplayName, department AS Department FROM people WHERE NOT scim_removed AND {session.Dialect.InList("department", "@Codes")} ORDER BY name_key, id",
                new { Codes = groups.Select(group => group.Code).ToArray() })).ToLookup(member => member.Department)
            : null;
        return groups.Select(group => group.ToResource(members?[group.Code], view.Locations)).ToList();
    }

    public async Task<string> CreateAsync(ScimGroupState state, CancellationToken cancellationToken)
    {
        var name = Check(state);
        var code = ScimDepartments.CodeOf(name) ?? throw ScimException.InvalidValue($"'{name}' cannot name a department: it needs a letter or digit.");
        await using var work = await database.BeginAsync(cancellationToken);
        if (await FindAsync(work, code) is not null || await NameTakenAsync(work, name, exceptCode: null))
        {
            throw ScimException.Uniqueness($"A group named '{name}' exists.");
        }

        await departments.PutAsync(work, code, name);
        await MoveAsync(work, code, state.Members, new HashSet<Guid>());
        await audit.RecordAsync(work, AuditTrail<ExpertiseDatabase>.ScimActor, "scim.group.created", $"department:{code}", ("name", name), ("members", state.Members.Count));
        await work.CommitAsync();
        return code;
    }

    /// <summary>Changes a Group (PUT or PATCH): the change sees the current name and members and returns the new ones.</summary>
    public async Task UpdateAsync(string code, Func<ScimGroupState, ScimGroupState> change, CancellationToken cancellationToken)
    {
        await using var work = await database.BeginAsync(cancellationToken);
        var group = await FindAsync(work, code) ?? throw ScimException.NotFound("The group");
        var members = (await work.QueryAsync<Guid>("SELECT id FROM people WHERE department = @Code AND NOT scim_removed", new { Code = code })).ToHashSet();
        var state = change(new ScimGroupState(group.Name, members));
        var name = Check(state);
        if (name != group.Name)
        {
            if (await NameTakenAsync(work, name, exceptCode: code))
            {
                throw ScimException.Uniqueness($"A group named '{name}' exists.");
            }

            await departments.PutAsync(work, code, name);
        }

        await MoveAsync(work, code, state.Members, members);
        await audit.RecordAsync(work, AuditTrail<ExpertiseDatabase>.ScimActor, "scim.group.updated", $"department:{code}", ("name", name), ("members", state.Members.Count));
        await work.CommitAsync();
    }

    private static string Check(ScimGroupState state) =>
        state.DisplayName switch
        {
            null => throw ScimException.InvalidValue("'displayName' is required."),
            { Length: > 100 } => throw ScimException.InvalidValue("'displayName' must be at most 100 characters."),
            var name => name,
        };

    private static Task<bool> NameTakenAsync(DbSession session, string name, string? exceptCode) =>
        session.ScalarAsync<bool>(
            "SELECT count(*) > 0 FROM departments WHERE lower(name) = lower(@Name) AND (@Except IS NULL OR code <> @Except)",
            new { Name = name, Except = exceptCode });

    /// <summary>Moves people in and out so that exactly <paramref name="wanted"/> are the department's, and announces each.</summary>
    private async Task MoveAsync(UnitOfWork work, string code, IReadOnlySet<Guid> wanted, IReadOnlySet<Guid> current)
    {
        var joining = wanted.Except(current).ToArray();
        var leaving = current.Except(wanted).ToArray();
        if (joining.Length > 0)
        {
            var found = await work.QueryAsync<Guid>(
                $"SELECT id FROM people WHERE NOT scim_removed AND {work.Dialect.InList("id", "@Ids")}", new { Ids = joining });
            foreach (var unknown in joining.Except(found))
            {
                throw ScimException.InvalidValue($"No user has the id '{unknown}'.");
            }

            await work.ExecuteAsync($"UPDATE people SET department = @Code WHERE {work.Dialect.InList("id", "@Ids")}", new { Code = code, Ids = joining });
        }

        if (leaving.Length > 0)
        {
            await departments.EnsureAsync(work, DepartmentCodes.Unassigned);
            await work.ExecuteAsync(
                $"UPDATE people SET department = @Unassigned WHERE department = @Code AND {work.Dialect.InList("id", "@Ids")}",
                new { Unassigned = DepartmentCodes.Unassigned, Code = code, Ids = leaving });
        }

        await changes.TouchAndPublishAllAsync(work, [.. joining, .. leaving]);
    }
}

/// <summary>A person as a Group lists them.</summary>
internal sealed class ScimMember
{
    public Guid Id { get; init; }

    public required string DisplayName { get; init; }

    public required string Department { get; init; }
}

/// <summary>How Groups are shown: where resources live, and whether members are wanted (<c>excludedAttributes=members</c> says not).</summary>
internal sealed record ScimGroupView(ScimLocations Locations, bool WithMembers)
{
    public static ScimGroupView Of(Microsoft.AspNetCore.Http.HttpRequest request) =>
        new(
            new ScimLocations(request),
            !request.Query["excludedAttributes"].ToString().Split(',').Any(name => string.Equals(name.Trim(), "members", StringComparison.OrdinalIgnoreCase)));
}

/// <summary>A department as SCIM reads it.</summary>
internal sealed class ScimGroupRow
{
    public required string Code { get; init; }

    public required string Name { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public JsonObject ToResource(IEnumerable<ScimMember>? members, ScimLocations locations) =>
        ScimLocations.WithoutNulls(new JsonObject
        {
            ["schemas"] = new JsonArray(ScimSchemas.Group),
            ["id"] = Code,
            ["displayName"] = Name,
            ["members"] = members is null
                ? null
                : new JsonArray(members.Select(member => (JsonNode)new JsonObject
                {
                    ["value"] = member.Id.ToString(),
                    ["display"] = member.DisplayName,
                    ["$ref"] = locations.Of("Users", member.Id.ToString()),
                }).ToArray()),
            ["meta"] = locations.Meta("Group", Code, UpdatedAt, UpdatedAt),
        });
}
