using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.EndToEnd.Tests;

/// <summary>
/// A service whose consumers cannot get back to their queues while RabbitMQ answers stops with exit
/// code 75 and is started again (docs/adr/0085): here its queues are made impossible to declare, the
/// way a consumer left waiting on a lost consume-ok never gets back either.
/// </summary>
public sealed class StuckConsumersTests
{
    [Fact]
    public async Task A_service_whose_consumers_stay_away_while_the_broker_answers_exits_with_75_and_comes_back_once_it_can()
    {
        Requirements.SkipUnlessMet(await DistributedHub.UnavailableReasonAsync());
        var broker = await RabbitMqServer.CreateVirtualHostAsync("stuck");
        var virtualHost = new Uri(broker).AbsolutePath.Trim('/');
        var database = await PostgresServer.CreateDatabaseAsync("partnerships");
        var folder = Directory.CreateTempSubdirectory("kh-stuck-").FullName;
        try
        {
            // No gateway: nothing here signs in, so the authority is never asked.
            var settings = DistributedHub.ServiceSettings("partnerships", folder, database, broker, gatewayPort: LoopbackPorts.Unused());
            settings["Messaging__StuckConsumersRestartAfter"] = "00:00:05";
            // The bus's stop waits for consumers that never come back, so the stop lasts the host's shutdown timeout and
            // the watchdog's margin before the deadline ends the process: 5 s instead of the default 30 still takes that path.
            settings["shutdownTimeoutSeconds"] = "5";
            await using var service = new HubProcess("partnerships", DistributedHub.HostAssembly("partnerships"), LoopbackPorts.Unused(), settings);
            service.Start();
            await service.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));

            // No right to declare a queue any more, then every connection closed: MassTransit tries to
            // get its consumers back, in vain, while the broker accepts connections.
            await RabbitMqServer.ControlAsync($"set_permissions -p {virtualHost} guest \"^$\" \".*\" \".*\"");
            await RabbitMqServer.ControlAsync($"close_all_connections --vhost {virtualHost} --limit 100 \"consumers cut off by a test\"");

            // The patience, a check, and a stop that may take the host's shutdown timeout and the deadline's margin (10 s).
            await Eventually.AssertAsync(
                () => Task.FromResult(service.OutputLines.Any(line => line.Contains("partnerships exited with code 75 to be started again", StringComparison.Ordinal))),
                TimeSpan.FromSeconds(90),
                "the service to stop with 75 and the harness to start it again");
            Assert.Contains(service.OutputLines, line => line.Contains("Consumers have been disconnected for 00:00:05 while RabbitMQ answers", StringComparison.Ordinal));

            await RabbitMqServer.ControlAsync($"set_permissions -p {virtualHost} guest \".*\" \".*\" \".*\"");
            await service.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(database);
            await RabbitMqServer.DeleteVirtualHostAsync(broker);
            Directory.Delete(folder, recursive: true);
        }
    }
}
