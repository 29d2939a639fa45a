using MassTransit;
using Microsoft.Extensions.Options;
using Xunit;

namespace KnowledgeHub.Messaging.Tests;

/// <summary>
/// Nothing leaves the building: MassTransit 8 reports usage to a host outside the organisation unless
/// told not to, so every bus the hub configures, in-memory or RabbitMQ, has usage telemetry off.
/// </summary>
public abstract class UsageTelemetryTests(CounterFixture fixture)
{
    [Fact]
    public void The_bus_reports_no_usage_telemetry_to_anyone()
    {
        var options = fixture.Host.Get<IOptions<UsageTelemetryOptions>>().Value;

        Assert.False(options.Enabled, "MassTransit usage telemetry is on: it would call a host outside the organisation.");
    }
}

public sealed class Usage_telemetry_in_memory(SqliteInMemoryCounters fixture) : UsageTelemetryTests(fixture), IClassFixture<SqliteInMemoryCounters>;

public sealed class Usage_telemetry_in_memory_on_Postgres(PostgresInMemoryCounters fixture) : UsageTelemetryTests(fixture), IClassFixture<PostgresInMemoryCounters>;

public sealed class Usage_telemetry_over_RabbitMq(PostgresRabbitMqCounters fixture) : UsageTelemetryTests(fixture), IClassFixture<PostgresRabbitMqCounters>;
