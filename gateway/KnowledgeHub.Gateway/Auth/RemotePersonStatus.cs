using System.Net;
using System.Net.Http.Headers;
using KnowledgeHub.Expertise;
using KnowledgeHub.Gateway.Services;
using KnowledgeHub.ServiceDefaults.Auth;

namespace KnowledgeHub.Gateway.Auth;

/// <summary>
/// When Expertise runs in its own process, the gateway asks it whether a token's person was
/// deactivated (ADR 0068): Expertise refuses such a token with 401 on every route, marked with
/// <see cref="PersonRefusal.Header"/>, so a marked 401 from its cheapest route means deactivated. Answers are remembered for <see cref="CachedPersonStatus.Lifetime"/>;
/// with no instance answering, the caller is let in (the directory is down, not the person).
/// </summary>
internal sealed partial class RemotePersonStatus(
    IHttpClientFactory clients, IReadOnlyList<Uri> urls, TimeProvider time, ILogger<RemotePersonStatus> logger) : CachedPersonStatus(time)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    protected override async Task<bool?> LookUpAsync(TokenHolder holder, CancellationToken cancellationToken)
    {
        using var client = clients.CreateClient();
        client.Timeout = Timeout;
        foreach (var url in urls)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, ExpertiseModule.AccessRoute));
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", holder.AccessToken);
                using var response = await client.SendAsync(request, cancellationToken);
                if (response.IsSuccessStatusCode || response.Headers.Contains(PersonRefusal.Header))
                {
                    return !response.IsSuccessStatusCode;
                }

                if (response.StatusCode == HttpStatusCode.Unauthorized)
                {
                    // Expertise could not check the token itself (a freshly started instance whose
                    // key discovery failed under the first burst, say): that says nothing of the person.
                    LogUnchecked(url);
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                LogUnreachable(exception, url);
            }
        }

        return null;
    }

    [LoggerMessage(LogLevel.Warning, "Expertise at {Url} did not say whether a person was deactivated; the request goes on.")]
    private partial void LogUnreachable(Exception exception, Uri url);

    [LoggerMessage(LogLevel.Warning, "Expertise at {Url} could not check a token the gateway accepted; the request goes on.")]
    private partial void LogUnchecked(Uri url);
}

internal static class RemotePersonStatusSetup
{
    /// <summary>
    /// Registers <see cref="RemotePersonStatus"/> when the configuration names remote Expertise
    /// instances, and <see cref="RefusedTokenRelay"/> when no local service brought a bus to record
    /// refused tokens with; a local Expertise registers its own status.
    /// </summary>
    public static WebApplicationBuilder AddRemotePersonStatus(this WebApplicationBuilder builder)
    {
        var urls = HubService.All.Single(service => service.Name == ExpertiseModule.Name).RemoteUrls(builder.Configuration);
        if (urls.Count > 0)
        {
            builder.Services.AddSingleton<IPersonStatus>(services => new RemotePersonStatus(
                services.GetRequiredService<IHttpClientFactory>(), urls, services.GetRequiredService<TimeProvider>(), services.GetRequiredService<ILogger<RemotePersonStatus>>()));
            if (!builder.Services.Any(descriptor => descriptor.ServiceType == typeof(IRefusedAttempts)))
            {
                builder.Services.AddSingleton(services => new RefusedTokenRelay(
                    services.GetRequiredService<IHttpClientFactory>(), urls, services.GetRequiredService<TimeProvider>(), services.GetRequiredService<ILogger<RefusedTokenRelay>>()));
                builder.Services.AddSingleton<IRefusedAttempts>(services => services.GetRequiredService<RefusedTokenRelay>());
                builder.Services.AddHostedService(services => services.GetRequiredService<RefusedTokenRelay>());
            }
        }

        return builder;
    }
}
