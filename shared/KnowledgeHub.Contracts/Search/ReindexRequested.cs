using MassTransit;

namespace KnowledgeHub.Contracts.Search;

/// <summary>
/// Search is rebuilding its index. Every service that owns searchable data answers with
/// <see cref="ReindexReplayStarted"/> and then republishes its current state as its ordinary
/// *Changed / *Updated events (through its outbox), each naming this reindex in its <c>ReplayOf</c>;
/// consumers apply them idempotently.
/// </summary>
[MessageUrn("knowledgehub:search:reindex-requested:v1")]
public sealed record ReindexRequested(Guid ReindexId, DateTimeOffset RequestedAt);
