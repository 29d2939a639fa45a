using System.Diagnostics;
using System.Text.Json;
using KnowledgeHub.Data;

namespace KnowledgeHub.Messaging.Outbox;

/// <summary>
/// Records integration events in the same transaction as the state change that causes them; the
/// relay publishes them after commit. Nothing is published for a change that rolled back, and
/// nothing committed is left unpublished.
/// </summary>
public sealed class Outbox<TDatabase>(OutboxSignal<TDatabase> signal, TimeProvider time)
    where TDatabase : ModuleDatabase
{
    private const string InsertSql = """
        INSERT INTO outbox_messages (message_id, message_type, body, trace_parent, created_at)
        VALUES (@MessageId, @MessageType, @Body, @TraceParent, @CreatedAt)
        """;

    public async Task EnqueueAsync<TMessage>(UnitOfWork work, TMessage message)
        where TMessage : class
    {
        var row = new
        {
            MessageId = Guid.CreateVersion7(),
            MessageType = MessageTypes.NameOf(typeof(TMessage)),
            Body = JsonSerializer.Serialize(message, MessageTypes.Json),
            // The relay resumes this trace, so one trace runs from the request to every consumer.
            TraceParent = Activity.Current?.Id,
            CreatedAt = time.GetUtcNow(),
        };
        await work.ExecuteAsync(InsertSql, row);
        work.AfterCommit(signal.Notify);
    }
}
