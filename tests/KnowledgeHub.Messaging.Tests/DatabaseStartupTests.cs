using KnowledgeHub.Data;
using KnowledgeHub.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Xunit;

namespace KnowledgeHub.Messaging.Tests;

/// <summary>
/// A service whose database cannot be reached when it starts (started beside it, or too busy to
/// answer in time) waits for it instead of exiting; one told something wrong fails at once.
/// </summary>
public sealed class Database_at_startup
{
    [Fact]
    public async Task A_service_started_before_its_database_answers_waits_and_migrates_once_it_does()
    {
        Requirements.SkipUnlessMet(await PostgresServer.UnavailableReasonAsync());
        var connectionString = await PostgresServer.CreateDatabaseAsync("startup");
        try
        {
            var real = new NpgsqlConnectionStringBuilder(connectionString);
            // The database's port as the service sees it: nothing listens there until the link heals.
            await using var link = new FaultProxy(real.Port);
            link.TakeDown();
            var throughLink = new NpgsqlConnectionStringBuilder(connectionString) { Port = link.Port, Timeout = 2 }.ConnectionString;
            using var host = CounterHost(throughLink);

            var starting = host.StartAsync(TestContext.Current.CancellationToken);
            await Task.Delay(TimeSpan.FromSeconds(4), TestContext.Current.CancellationToken);
            Assert.False(starting.IsCompleted, "The host finished starting (or failed) while its database could not be reached.");

            link.Heal();
            await starting.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = new NpgsqlCommand("SELECT count(*) FROM counters", connection);
            Assert.Equal(0L, await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
            await host.StopAsync(TestContext.Current.CancellationToken);
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(connectionString);
        }
    }

    [Fact]
    public async Task A_service_given_a_wrong_password_fails_to_start_at_once()
    {
        Requirements.SkipUnlessMet(await PostgresServer.UnavailableReasonAsync());
        var wrong = new NpgsqlConnectionStringBuilder(PostgresServer.AdminConnectionString) { Password = "not-the-password", Database = "kh_never_created" }.ConnectionString;
        using var host = CounterHost(wrong);

        var failure = await Assert.ThrowsAsync<PostgresException>(() => host.StartAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken));
        Assert.Equal(PostgresErrorCodes.InvalidPassword, failure.SqlState);
    }

    private static IHost CounterHost(string connectionString)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [DatabaseRegistration.ProviderSetting] = nameof(DatabaseProvider.Postgres),
            [$"ConnectionStrings:{Counters.ModuleName}"] = connectionString,
        });
        builder.AddModuleDatabase<CounterDatabase>(Counters.ModuleName, new MigrationSource(typeof(CounterDatabase).Assembly, "Data/Migrations"));
        return builder.Build();
    }
}
