using KnowledgeHub.Data;

namespace KnowledgeHub.Testing;

/// <summary>Looks into a module's inbox where no API shows that a message was consumed.</summary>
public static class InboxProbe
{
    /// <summary>True once a consumer of the module has processed the message: its inbox row commits with its effect.</summary>
    public static async Task<bool> InboxHasAsync<TDatabase>(this ModuleTestHost host, Guid messageId)
        where TDatabase : ModuleDatabase
    {
        await using var session = await host.Get<TDatabase>().OpenSessionAsync();
        return await session.ScalarAsync<long>("SELECT count(*) FROM inbox_messages WHERE message_id = @MessageId", new { MessageId = messageId }) == 1;
    }
}
