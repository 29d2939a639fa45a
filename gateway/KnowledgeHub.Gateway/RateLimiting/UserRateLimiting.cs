using System.Globalization;
using System.Threading.RateLimiting;
using KnowledgeHub.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeHub.Gateway.RateLimiting;

/// <summary>Bound from <c>RateLimiting</c>: a token bucket per signed-in user (per address for anonymous calls).</summary>
internal sealed class RateLimitSettings
{
    public const string SectionName = "RateLimiting";

    public int PermitsPerSecond { get; set; } = 20;

    public int Burst { get; set; } = 60;
}

/// <summary>
/// Per-user rate limits at the front door. An exhausted caller gets 429 with Retry-After at once:
/// never a queue that turns into timeouts, never a 503.
/// </summary>
internal static class UserRateLimiting
{
    public static WebApplicationBuilder AddUserRateLimiting(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(RateLimitSettings.SectionName).Get<RateLimitSettings>() ?? new RateLimitSettings();
        if (settings.PermitsPerSecond < 1 || settings.Burst < 1)
        {
            throw new InvalidOperationException($"'{RateLimitSettings.SectionName}:PermitsPerSecond' and '{RateLimitSettings.SectionName}:Burst' must be at least 1.");
        }

        builder.Services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.Request.Path.StartsWithSegments("/health")
                    ? RateLimitPartition.GetNoLimiter("health")
                    : RateLimitPartition.GetTokenBucketLimiter(PartitionOf(context), _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = settings.Burst,
                        TokensPerPeriod = settings.PermitsPerSecond,
                        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    }));
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

    private static string PartitionOf(HttpContext context) =>
        context.User.FindFirst(HubClaims.Subject)?.Value is { } subject
            ? "user:" + subject
            : "address:" + context.Connection.RemoteIpAddress;
}
