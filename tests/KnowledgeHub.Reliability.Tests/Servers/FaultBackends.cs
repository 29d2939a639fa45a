using KnowledgeHub.Testing;

namespace KnowledgeHub.Reliability.Tests.Servers;

/// <summary>
/// The fault suite's hub runs on its private PostgreSQL and RabbitMQ. Two links go through fault
/// proxies: Communities to its database, and Search to the broker.
/// </summary>
public sealed class FaultBackends(PrivatePostgres postgres, PrivateRabbitMq rabbitMq) : IHubBackends, IAsyncDisposable
{
    public FaultProxy CommunitiesDatabaseLink { get; } = new(postgres.Port);

    public FaultProxy SearchBrokerLink { get; } = new(rabbitMq.AmqpPort);

    /// <summary>Service name to database name, for the checks that read a service's tables directly.</summary>
    public Dictionary<string, string> Databases { get; } = [];

    public async Task<string> CreateDatabaseAsync(string service)
    {
        var database = await postgres.CreateDatabaseAsync(service);
        Databases[service] = database;
        var connection = postgres.ConnectionString(database);
        return service == "communities"
            ? connection.Replace($"Port={postgres.Port}", $"Port={CommunitiesDatabaseLink.Port}", StringComparison.Ordinal)
            : connection;
    }

    public Task DropDatabaseAsync(string connectionString) => Task.CompletedTask;

    public Task<string> CreateBrokerAsync() => Task.FromResult(rabbitMq.Url);

    public Task DeleteBrokerAsync(string brokerUrl) => Task.CompletedTask;

    public string BrokerUrlFor(string service, string brokerUrl) =>
        service == "search" ? brokerUrl.Replace($":{rabbitMq.AmqpPort}/", $":{SearchBrokerLink.Port}/", StringComparison.Ordinal) : brokerUrl;

    public async ValueTask DisposeAsync()
    {
        await CommunitiesDatabaseLink.DisposeAsync();
        await SearchBrokerLink.DisposeAsync();
    }
}
