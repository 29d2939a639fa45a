using KnowledgeHub.Data;
using KnowledgeHub.Testing;
using Microsoft.AspNetCore.Builder;

namespace KnowledgeHub.Messaging.Tests;

public abstract class CounterFixture(DatabaseProvider provider, MessageTransport transport)
    : ModuleFixture(Counters.ModuleName, provider)
{
    private string? _virtualHost;

    public MessageTransport Transport => transport;

    /// <summary>The RabbitMQ virtual host of this fixture (RabbitMQ fixtures only).</summary>
    public string VirtualHostName => new Uri(_virtualHost!).AbsolutePath.Trim('/');

    protected override IReadOnlyDictionary<string, string?>? Settings => _virtualHost is null
        ? null
        : new Dictionary<string, string?>
        {
            ["Messaging:Transport"] = nameof(MessageTransport.RabbitMq),
            ["Messaging:RabbitMqUrl"] = _virtualHost,
            ["Messaging:ErrorQueuePollInterval"] = "00:00:00.500",
        };

    protected override void AddModule(WebApplicationBuilder builder) => Counters.AddCounterModule(builder);

    protected override void MapModule(WebApplication app)
    {
    }

    protected override async ValueTask<string?> PrepareAsync()
    {
        if (transport != MessageTransport.RabbitMq)
        {
            return null;
        }

        if (await RabbitMqServer.UnavailableReasonAsync() is { } reason)
        {
            return reason;
        }

        _virtualHost = await RabbitMqServer.CreateVirtualHostAsync("messaging");
        return null;
    }

    protected override async ValueTask CleanUpAsync()
    {
        if (_virtualHost is not null)
        {
            await RabbitMqServer.DeleteVirtualHostAsync(_virtualHost);
        }
    }
}

public sealed class SqliteInMemoryCounters() : CounterFixture(DatabaseProvider.Sqlite, MessageTransport.InMemory);

public sealed class PostgresInMemoryCounters() : CounterFixture(DatabaseProvider.Postgres, MessageTransport.InMemory);

public sealed class PostgresRabbitMqCounters() : CounterFixture(DatabaseProvider.Postgres, MessageTransport.RabbitMq);
