using MassTransit;

namespace KnowledgeHub.Contracts.Search;

/// <summary>
/// A service's answer to <see cref="ReindexRequested"/>: it republishes <paramref name="Total"/> searchable
/// documents, each message naming the reindex in its <c>ReplayOf</c>. Search counts the distinct documents
/// named so, whatever their order relative to this message. Part of Search's reindex protocol, so it lives
/// in Search's namespace although every service publishes it.
/// </summary>
/// <param name="Service">The publishing service's module name (expertise, communities, alignment).</param>
/// <param name="StartedAt">When the service read its state for the replay (its own clock); informational.</param>
[MessageUrn("knowledgehub:search:reindex-replay-started:v1")]
public sealed record ReindexReplayStarted(Guid ReindexId, string Service, int Total, DateTimeOffset StartedAt);
