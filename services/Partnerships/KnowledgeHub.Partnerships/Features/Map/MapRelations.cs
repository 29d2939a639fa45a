namespace KnowledgeHub.Partnerships.Features.Map;

/// <summary>The kinds of node a systems map holds; all but departments (by code) are identified by UUID.</summary>
internal static class NodeKinds
{
    public const string Department = "department";
    public const string Objective = "objective";
    public const string Project = "project";
    public const string Community = "community";
    public const string Person = "person";

    public static readonly IReadOnlyList<string> All = [Department, Objective, Project, Community, Person];
}

/// <summary>
/// One kind of edge of the systems map, as SQL over the service's own tables: which column holds
/// the node it starts from and which the node it goes to, and what it weighs. The map walks along
/// structural edges only; help (<see cref="Walks"/> false) links nodes already on the map, since
/// nearly every department helps nearly every other and walking along help would bring in everything.
/// </summary>
internal sealed record MapRelation(
    string Kind, string FromKind, string FromColumn, string ToKind, string ToColumn, string Table, string Filter = "", string Weight = "1", string GroupBy = "", bool Walks = true)
{
    /// <summary>Help is weighed by all help ever given: between departments from help_months, from people to departments from person_reach.</summary>
    public static readonly IReadOnlyList<MapRelation> All =
    [
        new("belongs-to", NodeKinds.Person, "id", NodeKinds.Department, "department", "people"),
        new("sponsors", NodeKinds.Department, "department", NodeKinds.Project, "project_id", "project_departments", "role = 'sponsor'"),
        new("partners-in", NodeKinds.Department, "department", NodeKinds.Project, "project_id", "project_departments", "role = 'partner'"),
        new("owns", NodeKinds.Department, "department", NodeKinds.Objective, "objective_id", "objective_departments"),
        new("works-on", NodeKinds.Person, "person_id", NodeKinds.Project, "project_id", "project_members"),
        new("member-of", NodeKinds.Person, "person_id", NodeKinds.Community, "community_id", "community_members", "status = 'active'"),
        new("serves", NodeKinds.Project, "project_id", NodeKinds.Objective, "objective_id", "project_objectives"),
        new("helps", NodeKinds.Department, "giver_department", NodeKinds.Department, "receiver_department",
            "help_months",
            "giver_department <> receiver_department", "SUM(help)", "GROUP BY giver_department, receiver_department", Walks: false),
        new("helps", NodeKinds.Person, "person_id", NodeKinds.Department, "receiver_department",
            "person_reach",
            "giver_department <> receiver_department AND contributions > 0", "SUM(help)", "GROUP BY person_id, receiver_department", Walks: false),
    ];

    /// <summary>The edges of this relation whose one side is among <c>@Ids</c> (<paramref name="inList"/> tests a column).</summary>
    public string Sql(string inList) =>
        $"""
        SELECT CAST({FromColumn} AS TEXT) AS FromId, CAST({ToColumn} AS TEXT) AS ToId, {Weight} AS Weight
        FROM {Table} WHERE {inList}{(Filter.Length > 0 ? $" AND {Filter}" : "")}
        {GroupBy}
        """;
}
