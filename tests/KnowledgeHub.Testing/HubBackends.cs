namespace KnowledgeHub.Testing;

/// <summary>Where a <see cref="DistributedHub"/> keeps its databases and its broker.</summary>
public interface IHubBackends
{
    /// <summary>A fresh database for one service; returns the connection string that service uses.</summary>
    Task<string> CreateDatabaseAsync(string service);

    Task DropDatabaseAsync(string connectionString);

    /// <summary>A broker (or a virtual host of one) for the whole hub; returns its amqp:// URL.</summary>
    Task<string> CreateBrokerAsync();

    Task DeleteBrokerAsync(string brokerUrl);

    /// <summary>The broker URL one service connects with; a fault proxy may stand in between.</summary>
    string BrokerUrlFor(string service, string brokerUrl);
}

/// <summary>The machine's PostgreSQL and RabbitMQ, shared by every test project: a database per service, a virtual host per hub.</summary>
public sealed class LocalBackends : IHubBackends
{
    public static readonly LocalBackends Instance = new();

    private LocalBackends()
    {
    }

    public Task<string> CreateDatabaseAsync(string service) => PostgresServer.CreateDatabaseAsync(service);

    public Task DropDatabaseAsync(string connectionString) => PostgresServer.DropDatabaseAsync(connectionString);

    public Task<string> CreateBrokerAsync() => RabbitMqServer.CreateVirtualHostAsync("distributed");

    public Task DeleteBrokerAsync(string brokerUrl) => RabbitMqServer.DeleteVirtualHostAsync(brokerUrl);

    public string BrokerUrlFor(string service, string brokerUrl) => brokerUrl;
}
