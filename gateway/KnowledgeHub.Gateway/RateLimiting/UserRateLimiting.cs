using System.Globalization;
using System.Threading.RateLimiting;
using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.ServiceDefaults.Health;
using KnowledgeHub.ServiceDefaults.Http;
using KnowledgeHub.Web;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeHub.Gateway.RateLimiting;

/// <summary>
/// Bound from <c>RateLimiting</c>: a token bucket and a cap on requests in progress per signed-in
/// user (per address for anonymous calls), and a cap on the requests the hub works on at once,
/// whoever sends them.
/// </summary>
internal sealed class RateLimitSettings
{
    public const string SectionName = "RateLimiting";

    public int PermitsPerSecond { get; set; } = 20;

    public int Burst { get; set; } = 60;

    /// <summary>
    /// Requests in progress at once across all users; beyond it the hub sheds load with 429 at
    /// once instead of queueing work it cannot finish in time.
    /// </summary>
    public int MaxConcurrentRequests { get; set; } = 512;

    /// <summary>
    /// Requests in progress at once for one user (one address when anonymous). Never more than half
    /// of <see cref="MaxConcurrentRequests"/>: one caller's slow requests must not fill the hub.
    /// </summary>
    public int MaxConcurrentRequestsPerCaller { get; set; } = 32;

    /// <summary>
    /// The largest body a caller without a token or a sign-in cookie may send (the sign-in form is
    /// far smaller): the less an anonymous request may send, the sooner it is over.
    /// </summary>
    public long MaxAnonymousRequestBodyBytes { get; set; } = 16 * 1024;

    public int EffectiveMaxConcurrentRequestsPerCaller => Math.Max(1, Math.Min(MaxConcurrentRequestsPerCaller, MaxConcurrentRequests / 2));
}

/// <summary>
/// Rate limits at the front door: per user, and for the hub as a whole (many users each within
/// their limit can still ask for more than the hub can do). An exhausted caller gets 429 with
/// Retry-After at once: never a queue that turns into timeouts, never a 503.
/// </summary>
internal static class UserRateLimiting
{
    public static WebApplicationBuilder AddUserRateLimiting(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(RateLimitSettings.SectionName).Get<RateLimitSettings>() ?? new RateLimitSettings();
        if (settings.PermitsPerSecond < 1 || settings.Burst < 1 || settings.MaxConcurrentRequests < 1 || settings.MaxConcurrentRequestsPerCaller < 1 || settings.MaxAnonymousRequestBodyBytes < 1)
        {
            throw new InvalidOperationException($"'{RateLimitSettings.SectionName}:PermitsPerSecond', '{RateLimitSettings.SectionName}:Burst', '{RateLimitSettings.SectionName}:MaxConcurrentRequests', '{RateLimitSettings.SectionName}:MaxConcurrentRequestsPerCaller' and '{RateLimitSettings.SectionName}:MaxAnonymousRequestBodyBytes' must be at least 1.");
        }

        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(new HubCapacity(settings.MaxConcurrentRequests));
        builder.Services.AddHealthChecks().AddCheck<HubCapacityHealthCheck>("capacity", tags: [HealthEndpoints.ReadyTag]);

        builder.Services.AddRateLimiter(options =>
        {
            var perUser = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsHealthProbe(context)
                    ? RateLimitPartition.GetNoLimiter("health")
                    : RateLimitPartition.GetTokenBucketLimiter(PartitionOf(context), _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = settings.Burst,
                        TokensPerPeriod = settings.PermitsPerSecond,
                        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    }));
            // A slow request holds its slot for as long as it lasts: without a cap per caller, one
            // address trickling bodies takes every slot of the hub (issue 24).
            var perCaller = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsHealthProbe(context)
                    ? RateLimitPartition.GetNoLimiter("health")
                    : RateLimitPartition.GetConcurrencyLimiter(PartitionOf(context), _ => new ConcurrencyLimiterOptions
                    {
                        PermitLimit = settings.EffectiveMaxConcurrentRequestsPerCaller,
                        QueueLimit = 0,
                    }));
            var wholeHub = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsHealthProbe(context)
                    ? RateLimitPartition.GetNoLimiter("health")
                    : RateLimitPartition.GetConcurrencyLimiter("hub", _ => new ConcurrencyLimiterOptions
                    {
                        PermitLimit = settings.MaxConcurrentRequests,
                        QueueLimit = 0,
                    }));
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(perUser, perCaller, wholeHub);
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (rejected, cancellationToken) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                var response = rejected.HttpContext.Response;
                response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await rejected.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = rejected.HttpContext,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many requests. Slow down and retry after the time in Retry-After.",
                    },
                });
            };
        });
        return builder;
    }

    /// <summary>The limits, and the count of the requests they let in that readiness reports.</summary>
    public static IApplicationBuilder UseUserRateLimiting(this IApplicationBuilder app)
    {
        var capacity = app.ApplicationServices.GetRequiredService<HubCapacity>();
        var maxAnonymousBody = app.ApplicationServices.GetRequiredService<RateLimitSettings>().MaxAnonymousRequestBodyBytes;
        app.Use(async (context, next) =>
        {
            if (context.User.Identity?.IsAuthenticated != true && !WebUi.CarriesSignIn(context))
            {
                RequestSizeLimits.Lower(context, maxAnonymousBody);
            }

            await next(context);
        });
        return app.UseRateLimiter().Use(async (context, next) =>
        {
            using var slot = IsHealthProbe(context) ? null : capacity.Take();
            await next(context);
        });
    }

    // Health probes must answer however busy the hub is: that is how the platform learns it.
    private static bool IsHealthProbe(HttpContext context) => context.Request.Path.StartsWithSegments("/health");

    private static string PartitionOf(HttpContext context) =>
        context.User.FindFirst(HubClaims.Subject)?.Value is { } subject
            ? "user:" + subject
            : "address:" + context.Connection.RemoteIpAddress;
}
