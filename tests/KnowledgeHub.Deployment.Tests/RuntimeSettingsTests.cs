using System.Text.Json;
using Xunit;

namespace KnowledgeHub.Deployment.Tests;

/// <summary>Runtime settings every host carries in its runtimeconfig.json, which a container image ships as built.</summary>
public sealed class RuntimeSettingsTests
{
    [Fact]
    public void The_gateway_blocks_an_idle_thread_pool_thread_instead_of_spinning()
    {
        using var config = GatewayRuntimeConfig();

        Assert.Equal(0, Properties(config).GetProperty("System.Threading.ThreadPool.UnfairSemaphoreSpinLimit").GetInt32());
    }

    [Fact]
    public void The_gateway_runs_the_workstation_garbage_collector()
    {
        using var config = GatewayRuntimeConfig();

        // ASP.NET's default is the server collector, written as true; the hub's choice is written as false (ADR 0112).
        Assert.False(Properties(config).GetProperty("System.GC.Server").GetBoolean());
    }

    // The gateway's runtimeconfig.json is copied beside this assembly, as it is into the image (ADR 0097).
    private static JsonDocument GatewayRuntimeConfig() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "KnowledgeHub.Gateway.runtimeconfig.json")));

    private static JsonElement Properties(JsonDocument config) =>
        config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");
}
