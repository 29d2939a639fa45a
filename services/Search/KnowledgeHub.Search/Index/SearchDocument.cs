namespace KnowledgeHub.Search.Index;

/// <summary>The kinds of things the hub's search finds.</summary>
internal static class DocumentTypes
{
    public const string Person = "person";
    public const string Community = "community";
    public const string Post = "post";
    public const string Project = "project";
    public const string Objective = "objective";

    public static readonly IReadOnlyList<string> All = [Person, Community, Post, Project, Objective];
}

/// <summary>
/// One searchable thing, whatever service owns it. A document restricted to a community is found
/// only by that community's members. <see cref="Version"/> orders the updates of one document.
/// </summary>
internal sealed record SearchDocument(
    string Type,
    Guid Id,
    string Title,
    string Body,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Departments,
    Guid? RestrictedToCommunity,
    string Url,
    long Version,
    DateTimeOffset UpdatedAt);
