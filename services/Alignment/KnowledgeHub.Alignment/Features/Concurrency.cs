namespace KnowledgeHub.Alignment.Features;

/// <summary>Optimistic concurrency for Alignment's conditional writes: the version read from If-Match, checked in SQL.</summary>
internal static class Concurrency
{
    /// <summary>Appended to an UPDATE's WHERE clause: only the version the client read may change (parameter <c>@ExpectedVersion</c>).</summary>
    public static string VersionCondition(long? expectedVersion) => expectedVersion is null ? "" : " AND version = @ExpectedVersion";
}
