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
    private const string InsertSql =
        "INSERT INTO outbox_messages (message_id, message_type, body, trace_parent, created_at) VALUES {rows}";

    public Task EnqueueAsync<TMessage>(UnitOfWork work, TMessage message)
        where TMessage : class =>
        EnqueueAllAsync(work, [message]);

    /// <summary>Records many events of one type, in their order, as many rows written at once (ADR 0105).</summary>
    public async Task EnqueueAllAsync<TMessage>(UnitOfWork work, IEnumerable<TMessage> messages)
        where TMessage : class
    {
        var type = MessageTypes.NameOf(typeof(TMessage));
        // The relay resumes this trace, so one trace runs from the request to every consumer.
        var trace = Activity.Current?.Id;
        var now = time.GetUtcNow();
        if (await work.ExecuteRowsAsync(InsertSql, messages, message => [Guid.CreateVersion7(), type, JsonSerializer.Serialize(message, MessageTypes.Json), trace, now]) > 0)
        {
            work.AfterCommit(signal.Notify);
        }
    }
}
