namespace KnowledgeHub.ServiceDefaults.Http;

/// <summary>One page of a list: <c>{ items, nextCursor }</c>, <c>nextCursor</c> null on the last page.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);
