using System.Text.Json;
using Xunit;

namespace KnowledgeHub.Deployment.Tests;

/// <summary>Runtime settings every host carries in its runtimeconfig.json, which a container image ships as built.</summary>
public sealed class RuntimeSettingsTests
{
    [Fact]
    public void The_gateway_blocks_an_idle_thread_pool_thread_instead_of_spinning()
    {
        // The gateway's runtimeconfig.json is copied beside this assembly, as it is into the image (ADR 0097).
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "KnowledgeHub.Gateway.runtimeconfig.json")));

        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.Equal(0, properties.GetProperty("System.Threading.ThreadPool.UnfairSemaphoreSpinLimit").GetInt32());
    }
}
