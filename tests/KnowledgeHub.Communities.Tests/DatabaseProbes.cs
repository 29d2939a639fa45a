using Dapper;
using KnowledgeHub.Testing;

namespace KnowledgeHub.Communities.Tests;

/// <summary>Looks into the service's database where no API shows what a test must wait for.</summary>
internal static class DatabaseProbes
{
    /// <summary>True once a consumer has processed the message: its inbox row commits with its effect.</summary>
    public static async Task<bool> InboxHasAsync(this ModuleTestHost host, Guid messageId)
    {
        await using var connection = await host.Get<CommunitiesDatabase>().OpenAsync();
        return await connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM inbox_messages WHERE message_id = @MessageId", new { MessageId = messageId }) == 1;
    }

    public static async Task<long> CountAsync(this ModuleTestHost host, string sql, object? parameters = null)
    {
        await using var connection = await host.Get<CommunitiesDatabase>().OpenAsync();
        return await connection.ExecuteScalarAsync<long>(sql, parameters);
    }
}
