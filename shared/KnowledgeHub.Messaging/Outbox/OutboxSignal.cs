using KnowledgeHub.Data;

namespace KnowledgeHub.Messaging.Outbox;

/// <summary>Wakes a module's relay the moment a transaction with outbox rows commits.</summary>
public sealed class OutboxSignal<TDatabase> : WakeUpSignal
    where TDatabase : ModuleDatabase;
