using KnowledgeHub.Alignment.Features.Privacy;
using KnowledgeHub.Messaging.Outbox;
using KnowledgeHub.Messaging.People;
using KnowledgeHub.Messaging.Privacy;

namespace KnowledgeHub.Alignment.Consumers;

/// <summary>Erases a person from alignment (ADR 0072).</summary>
internal sealed class PersonErasureStartedConsumer(AlignmentDatabase database, TimeProvider time, Outbox<AlignmentDatabase> outbox, PeopleSeen peopleSeen)
    : PersonErasureConsumer<AlignmentDatabase>(database, time, outbox, peopleSeen)
{
    protected override IReadOnlyList<string> Statements => AlignmentPersonalData.Erasure;
}
