namespace KnowledgeHub.Web.Components;

/// <summary>The statuses, health values, contributions and member roles the Alignment API accepts, in the order a form offers them.</summary>
internal static class ProjectStatuses
{
    public static readonly string[] All = ["proposed", "active", "on-hold", "done", "cancelled"];

    public static readonly string[] Health = ["green", "amber", "red"];

    public static readonly string[] Contributions = ["low", "medium", "high"];

    public static readonly string[] Roles =
        ["member", "contributor", "developer", "engineer", "architect", "analyst", "designer", "tester", "manager", "sponsor", "advisor", "lead"];
}
