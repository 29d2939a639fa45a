using Dapper;
using KnowledgeHub.Testing;

namespace KnowledgeHub.Communities.Tests;

/// <summary>Looks into the service's database where no API shows what a test must wait for.</summary>
internal static class DatabaseProbes
{
    /// <summary>True once a consumer has processed the message: its inbox row commits with its effect.</summary>
    public static Task<bool> InboxHasAsync(this ModuleTestHost host, Guid messageId) => host.InboxHasAsync<CommunitiesDatabase>(messageId);

    public static async Task<long> CountAsync(this ModuleTestHost host, string sql, object? parameters = null)
    {
        await using var connection = await host.Get<CommunitiesDatabase>().OpenAsync();
        return await connection.ExecuteScalarAsync<long>(sql, parameters);
    }
}
