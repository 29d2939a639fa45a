using KnowledgeHub.Data;
using MassTransit;

namespace KnowledgeHub.Messaging.Inbox;

/// <summary>
/// An idempotent consumer: the message's id is recorded in the module's inbox in the same
/// transaction as its effect, so a redelivered message has no second effect.
/// </summary>
public abstract class InboxConsumer<TDatabase, TMessage>(TDatabase database, TimeProvider time) : IConsumer<TMessage>
    where TDatabase : ModuleDatabase
    where TMessage : class
{
    private const string AcceptSql = """
        INSERT INTO inbox_messages (consumer, message_id, processed_at)
        VALUES (@Consumer, @MessageId, @Now)
        ON CONFLICT DO NOTHING
        """;

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId
            ?? throw new InvalidEventException($"A {typeof(TMessage).Name} arrived without a message id.");
        var cancellationToken = context.CancellationToken;
        var consumption = MessagingTelemetry.StartConsuming(GetType().Name, typeof(TMessage).Name, context.SentTime);
        try
        {
            await using var work = await database.BeginAsync(cancellationToken);
            var accepted = await work.ExecuteAsync(
                AcceptSql, new { Consumer = GetType().FullName, MessageId = messageId, Now = time.GetUtcNow() });
            if (accepted == 0)
            {
                consumption.End("duplicate");
                return;
            }

            await ApplyAsync(work, context.Message, cancellationToken);
            await work.CommitAsync();
            consumption.End("applied");
        }
        catch
        {
            consumption.End("failed");
            throw;
        }
    }

    /// <summary>Applies the message inside <paramref name="work"/>; throw <see cref="InvalidEventException"/> for nonsense.</summary>
    protected abstract Task ApplyAsync(UnitOfWork work, TMessage message, CancellationToken cancellationToken);
}
