using KnowledgeHub.Messaging;
using KnowledgeHub.ServiceDefaults.Health;
using KnowledgeHub.ServiceDefaults.Http;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.LoadBalancing;

namespace KnowledgeHub.Gateway.Services;

/// <summary>
/// The one front door of both topologies: each service is hosted in this process (no URL
/// configured) or proxied to its remote instances. Routes are the same either way, because every
/// service owns its path prefixes and the gateway forwards them without rewriting. Several URLs for
/// one service are balanced (power of two choices) and health-checked: actively on each instance's
/// <c>/health/ready</c>, and passively by failed forwards, so a dead or unready instance stops
/// getting requests until it answers again (docs/adr/0027).
/// </summary>
internal static class ServiceComposition
{
    /// <summary>The largest body any route accepts; the service behind enforces its own, smaller limits.</summary>
    private const long ProxiedBodyLimit = 8 * 1024 * 1024;
    private const string LargeUploadKey = "LargeUploadBytes";
    private static readonly TimeSpan ProxiedCallTimeout = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan PassiveFailureWindow = TimeSpan.FromSeconds(10);

    private static readonly HealthCheckConfig DestinationHealth = new()
    {
        // When every instance looks unhealthy, try them all rather than fail every request.
        AvailableDestinationsPolicy = HealthCheckConstants.AvailableDestinations.HealthyOrPanic,
        Active = new ActiveHealthCheckConfig
        {
            Enabled = true,
            Interval = TimeSpan.FromSeconds(5),
            Timeout = TimeSpan.FromSeconds(2),
            Policy = HealthCheckConstants.ActivePolicy.ConsecutiveFailures,
            Path = "/health/ready",
        },
        Passive = new PassiveHealthCheckConfig
        {
            Enabled = true,
            Policy = HealthCheckConstants.PassivePolicy.TransportFailureRate,
            ReactivationPeriod = PassiveFailureWindow + TimeSpan.FromSeconds(5),
        },
    };

    public static WebApplicationBuilder AddHubServices(this WebApplicationBuilder builder)
    {
        var routes = new List<RouteConfig>();
        var clusters = new List<ClusterConfig>();
        var anyLocal = false;
        foreach (var service in HubService.All)
        {
            var urls = service.RemoteUrls(builder.Configuration);
            if (urls.Count == 0)
            {
                service.AddLocally(builder);
                anyLocal = true;
                continue;
            }

            routes.AddRange(RoutesOf(service));
            clusters.Add(new ClusterConfig
            {
                ClusterId = service.Name,
                // A service that does not answer in time gets a 504, not a request held forever.
                HttpRequest = new Yarp.ReverseProxy.Forwarder.ForwarderRequestConfig { ActivityTimeout = ProxiedCallTimeout },
                LoadBalancingPolicy = LoadBalancingPolicies.PowerOfTwoChoices,
                HealthCheck = DestinationHealth,
                Destinations = urls.Select((url, index) => (url, index))
                    .ToDictionary(pair => $"{service.Name}-{pair.index}", pair => new DestinationConfig { Address = pair.url.ToString() }),
            });
            builder.Services.AddHealthChecks().Add(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckRegistration(
                $"{service.Name}-service",
                services => new RemoteServiceHealthCheck(services.GetRequiredService<IHttpClientFactory>(), service.Name, urls),
                failureStatus: null,
                tags: [HealthEndpoints.ReadyTag]));
        }

        builder.Services.AddReverseProxy().LoadFromMemory(routes, clusters);
        // Failures are remembered for less time than an instance stays out, so a reactivated instance
        // starts clean instead of being marked unhealthy again by its old failures on its first success.
        builder.Services.Configure<TransportFailureRateHealthPolicyOptions>(options => options.DetectionWindowSize = PassiveFailureWindow);
        if (anyLocal)
        {
            builder.AddKnowledgeHubBus();
        }

        return builder;
    }

    public static WebApplication MapHubServices(this WebApplication app)
    {
        foreach (var service in HubService.All.Where(service => service.RemoteUrls(app.Configuration).Count == 0))
        {
            service.MapLocally(app);
        }

        // A route named for large uploads (a Q&A import) forwards bodies up to its own limit; every other keeps ProxiedBodyLimit.
        app.MapReverseProxy()
            .WithMetadata(new RequestSizeLimitMetadata(ProxiedBodyLimit))
            .ConfigureEndpoints((endpoint, route) =>
            {
                if (route.Metadata?.GetValueOrDefault(LargeUploadKey) is { } limit)
                {
                    endpoint.WithMetadata(new RequestSizeLimitMetadata(long.Parse(limit, System.Globalization.CultureInfo.InvariantCulture)));
                }
            });
        return app;
    }

    private static IEnumerable<RouteConfig> RoutesOf(HubService service)
    {
        for (var index = 0; index < service.RoutePrefixes.Count; index++)
        {
            yield return new RouteConfig
            {
                RouteId = $"{service.Name}-{index}",
                ClusterId = service.Name,
                Match = new RouteMatch { Path = service.RoutePrefixes[index] + "/{**rest}" },
                // The gateway checks the token before forwarding it; the service checks it again.
                AuthorizationPolicy = "default",
            };
        }

        foreach (var (path, index) in (service.LargeUploadRoutes ?? []).Select((path, index) => (path, index)))
        {
            yield return new RouteConfig
            {
                RouteId = $"{service.Name}-upload-{index}",
                ClusterId = service.Name,
                Match = new RouteMatch { Path = path },
                AuthorizationPolicy = "default",
                Metadata = new Dictionary<string, string> { [LargeUploadKey] = service.LargeUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            };
        }

        // A live stream (server-sent events) lasts as long as its reader: no request timeout; its
        // keep-alive comments keep the forwarder's idle timeout from ending it.
        foreach (var (path, index) in (service.StreamingRoutes ?? []).Select((path, index) => (path, index)))
        {
            yield return new RouteConfig
            {
                RouteId = $"{service.Name}-stream-{index}",
                ClusterId = service.Name,
                Match = new RouteMatch { Path = path },
                AuthorizationPolicy = "default",
                TimeoutPolicy = "Disable",
            };
        }

        // Routes whose link is its own proof (one-click unsubscribe from an e-mail) or that carry a
        // credential the service checks itself (SCIM's bearer token): no person's token to check.
        foreach (var (path, index) in (service.AnonymousRoutes ?? []).Select((path, index) => (path, index)))
        {
            yield return new RouteConfig
            {
                RouteId = $"{service.Name}-anonymous-{index}",
                ClusterId = service.Name,
                Match = new RouteMatch { Path = path },
                AuthorizationPolicy = "anonymous",
            };
        }

        yield return new RouteConfig
        {
            RouteId = $"{service.Name}-openapi",
            ClusterId = service.Name,
            Match = new RouteMatch { Path = $"/openapi/{service.Name}.json" },
            AuthorizationPolicy = "anonymous",
        };
    }
}
