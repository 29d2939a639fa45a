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
/// only by that community's active members. <see cref="Version"/> orders the updates of one
/// document: the index keeps the highest. A person's <see cref="Tags"/> are their skills.
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
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public string Key => DocumentKeys.Of(Type, Id);
}

/// <summary>
/// A document that no longer exists as of <see cref="Version"/>. The index keeps a tombstone at
/// that version, so a late, older upsert cannot bring the document back.
/// </summary>
internal sealed record DocumentRemoval(string Type, Guid Id, long Version, DateTimeOffset RemovedAt)
{
    public string Key => DocumentKeys.Of(Type, Id);
}

internal static class DocumentKeys
{
    public static string Of(string type, Guid id) => $"{type}:{id:D}";
}
