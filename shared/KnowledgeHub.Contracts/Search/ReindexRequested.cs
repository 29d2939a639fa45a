using MassTransit;

namespace KnowledgeHub.Contracts.Search;

/// <summary>
/// Search is rebuilding its index. Every service that owns searchable data answers with
/// <see cref="ReindexReplayStarted"/> and then republishes its current state as its ordinary
/// *Changed / *Published events (through its outbox), which consumers apply idempotently.
/// </summary>
[MessageUrn("knowledgehub:search:reindex-requested:v1")]
public sealed record ReindexRequested(Guid ReindexId, DateTimeOffset RequestedAt);
