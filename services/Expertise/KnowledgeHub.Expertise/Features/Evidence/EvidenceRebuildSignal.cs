using KnowledgeHub.Messaging;

namespace KnowledgeHub.Expertise.Features.Evidence;

/// <summary>Wakes this instance's <see cref="EvidenceRebuilder"/> the moment a transaction queued sources; other instances' are polled.</summary>
internal sealed class EvidenceRebuildSignal : WakeUpSignal;
