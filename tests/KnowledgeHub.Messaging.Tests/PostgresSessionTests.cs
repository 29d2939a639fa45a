using Dapper;
using KnowledgeHub.Data;
using KnowledgeHub.Testing;
using Npgsql;
using Xunit;

namespace KnowledgeHub.Messaging.Tests;

/// <summary>What a module's PostgreSQL sessions run with (ADR 0083, 0114).</summary>
public sealed class Postgres_sessions
{
    private const string AskedAgainAndAgain = "SELECT 'asked again and again' || 41 + 1";

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

    [Fact]
    public async Task A_statement_a_module_runs_again_is_prepared_and_stays_prepared_while_its_connection_is_pooled()
    {
        Requirements.SkipUnlessMet(await PostgresServer.UnavailableReasonAsync());
        await using var database = ModuleDatabaseOn(PostgresServer.AdminConnectionString);
        await RunTwiceAsync(database, AskedAgainAndAgain);

        Assert.Equal(1, await PreparedCountAsync(database, AskedAgainAndAgain));
    }

    [Fact]
    public async Task An_operator_who_turns_automatic_preparation_off_has_every_statement_sent_unprepared()
    {
        Requirements.SkipUnlessMet(await PostgresServer.UnavailableReasonAsync());
        var unprepared = new NpgsqlConnectionStringBuilder(PostgresServer.AdminConnectionString) { MaxAutoPrepare = 0 }.ConnectionString;
        await using var database = ModuleDatabaseOn(unprepared);
        await RunTwiceAsync(database, AskedAgainAndAgain);

        Assert.Equal(0, await PreparedCountAsync(database, AskedAgainAndAgain));
    }

    private static CounterDatabase ModuleDatabaseOn(string connectionString) =>
        new(new ModuleDatabaseSettings(Counters.ModuleName, DatabaseProvider.Postgres, connectionString, []));

    /// <summary>In two sessions one after the other, so the second has the first's connection back from the pool.</summary>
    private static async Task RunTwiceAsync(CounterDatabase database, string sql)
    {
        for (var time = 0; time < 2; time++)
        {
            await using var session = await database.OpenSessionAsync(TestContext.Current.CancellationToken);
            await session.ScalarAsync<string>(sql);
        }
    }

    private static async Task<int> PreparedCountAsync(CounterDatabase database, string sql)
    {
        await using var session = await database.OpenSessionAsync(TestContext.Current.CancellationToken);
        return await session.ScalarAsync<int>("SELECT count(*)::int FROM pg_prepared_statements WHERE statement = @Sql", new { Sql = sql });
    }

    private static async Task<string> ShowAsync(string connectionString, string setting)
    {
        await using var database = ModuleDatabaseOn(connectionString);
        await using var session = await database.OpenSessionAsync(TestContext.Current.CancellationToken);
        return (await session.ScalarAsync<string>($"SHOW {setting}"))!;
    }
}
