using MassTransit;

namespace KnowledgeHub.Contracts.Search;

/// <summary>
/// A service's answer to <see cref="ReindexRequested"/>: it is about to republish
/// <paramref name="Total"/> searchable documents. Part of Search's reindex protocol, so it lives
/// in Search's namespace although every service publishes it.
/// </summary>
/// <param name="Service">The publishing service's module name (expertise, communities, alignment).</param>
/// <param name="StartedAt">When the service took its snapshot: every replayed document changed no later than this
/// (on the service's clock), and Search counts only those toward <paramref name="Total"/>.</param>
[MessageUrn("knowledgehub:search:reindex-replay-started:v1")]
public sealed record ReindexReplayStarted(Guid ReindexId, string Service, int Total, DateTimeOffset StartedAt);
