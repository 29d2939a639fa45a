using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KnowledgeHub.ServiceDefaults.Auth;

/// <summary>
/// Fetches the authority's discovery document and keys as soon as the process has started, and
/// again each second until that works, so the first burst of requests finds the keys loaded. A
/// freshly started service met by fifty requests at once was seen refusing a third of them, valid
/// tokens checked against no keys at all (IDX10500), while the first fetch was under way.
/// </summary>
internal sealed partial class KeyDiscoveryWarmUp(IOptionsMonitor<JwtBearerOptions> options, ILogger<KeyDiscoveryWarmUp> logger) : BackgroundService
{
    private static readonly TimeSpan RetryEvery = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Get(JwtBearerDefaults.AuthenticationScheme).ConfigurationManager is not { } keys)
        {
            return;
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await keys.GetConfigurationAsync(stoppingToken);
                return;
            }
            catch (InvalidOperationException exception) when (!stoppingToken.IsCancellationRequested)
            {
                // The authority is not up yet (in the distributed hub the gateway may start last): say so now and then.
                if (attempt % 30 == 1)
                {
                    LogNotYet(logger, exception, attempt);
                }

                await Task.Delay(RetryEvery, stoppingToken);
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "The token authority's keys could not be fetched yet (attempt {Attempt}); trying again every second.")]
    private static partial void LogNotYet(ILogger logger, Exception exception, int attempt);
}
