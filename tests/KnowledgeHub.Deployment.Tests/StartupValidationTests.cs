using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.Deployment.Tests;

/// <summary>The real gateway process refuses to start on a bad setting and says which one.</summary>
public sealed class StartupValidationTests
{
    [Theory]
    [InlineData("Services__communities__Urls", "ftp://communities", "Services:communities:Urls")]
    [InlineData("RateLimiting__Burst", "0", "RateLimiting:Burst")]
    [InlineData("RateLimiting__MaxConcurrentRequests", "0", "RateLimiting:MaxConcurrentRequests")]
    [InlineData("Messaging__ErrorQueuePollInterval", "soon", "Messaging:ErrorQueuePollInterval")]
    [InlineData("Alignment__Currencies__Rates__USD", "cheap", "Alignment:Currencies:Rates:USD")]
    [InlineData("Cors__AllowedOrigins__0", "portal", "Cors:AllowedOrigins")]
    [InlineData("Search__Reindex__StallTimeout", "00:00:00", "Search:Reindex:StallTimeout")]
    [InlineData("Search__Feed__Retention", "00:00:10", "Search:Feed:Retention")]
    [InlineData("Search__Elasticsearch__Url", "elasticsearch:9200", "Search:Elasticsearch:Url")]
    [InlineData("Audit__DetailRetention", "01:00:00", "Audit:DetailRetention")]
    [InlineData("Notifications__Retention", "01:00:00", "Notifications:Retention")]
    public async Task A_bad_setting_stops_the_gateway_with_a_message_naming_it(string variable, string value, string named)
    {
        var data = Directory.CreateTempSubdirectory("kh-startup-").FullName;
        var gateway = new HubProcess("gateway", DistributedHub.GatewayAssembly(), LoopbackPorts.Unused(), new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["KnowledgeHub__DataPath"] = data,
            [variable] = value,
        });
        try
        {
            gateway.Start();

            var exitCode = await gateway.WaitForExitAsync(TimeSpan.FromSeconds(60));

            Assert.True(exitCode is not null and not 0, $"The gateway kept running or exited cleanly with {variable}={value}.\n{gateway.RecentOutput}");
            Assert.Contains(named, string.Join('\n', gateway.OutputLines), StringComparison.Ordinal);
        }
        finally
        {
            await gateway.DisposeAsync();
            Directory.Delete(data, recursive: true);
        }
    }
}
