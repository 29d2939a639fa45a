using Dapper;
using KnowledgeHub.Data;
using KnowledgeHub.Testing;
using Npgsql;
using Xunit;

namespace KnowledgeHub.Messaging.Tests;

/// <summary>What a module's PostgreSQL sessions run with (ADR 0083).</summary>
public sealed class Postgres_sessions
{
    [Fact]
    public async Task A_module_session_runs_without_jit_on_a_server_that_has_it_on()
    {
        Requirements.SkipUnlessMet(await PostgresServer.UnavailableReasonAsync());
        await using var plain = new NpgsqlConnection(PostgresServer.AdminConnectionString);
        await plain.OpenAsync(TestContext.Current.CancellationToken);
        Requirements.SkipUnlessMet(await plain.ExecuteScalarAsync<string>("SHOW jit") == "off" ? "the PostgreSQL server has JIT off for every session: nothing to turn off" : null);

        Assert.Equal("off", await ShowAsync(PostgresServer.AdminConnectionString, "jit"));
    }

    [Fact]
    public async Task An_operator_s_options_are_kept_and_their_own_jit_setting_wins()
    {
        Requirements.SkipUnlessMet(await PostgresServer.UnavailableReasonAsync());
        var withTimeout = new NpgsqlConnectionStringBuilder(PostgresServer.AdminConnectionString) { Options = "-c statement_timeout=7s" }.ConnectionString;
        var withJit = new NpgsqlConnectionStringBuilder(PostgresServer.AdminConnectionString) { Options = "-c jit=on" }.ConnectionString;

        Assert.Equal(("off", "7s"), (await ShowAsync(withTimeout, "jit"), await ShowAsync(withTimeout, "statement_timeout")));
        Assert.Equal("on", await ShowAsync(withJit, "jit"));
    }

    private static async Task<string> ShowAsync(string connectionString, string setting)
    {
        await using var database = new CounterDatabase(new ModuleDatabaseSettings(Counters.ModuleName, DatabaseProvider.Postgres, connectionString, []));
        await using var session = await database.OpenSessionAsync(TestContext.Current.CancellationToken);
        return (await session.ScalarAsync<string>($"SHOW {setting}"))!;
    }
}
