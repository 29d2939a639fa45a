using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace KnowledgeHub.ServiceDefaults.Http;

/// <summary>
/// One body-size limit for every route (an endpoint can raise its own with
/// <c>WithRequestSizeLimit</c>). A declared Content-Length over the limit is refused at once with 413;
/// the server feature stops a chunked body that runs past it.
/// </summary>
public static class RequestSizeLimits
{
    public const string SettingName = "Limits:MaxRequestBodyBytes";
    public const long DefaultMaxRequestBodyBytes = 512 * 1024;

    /// <summary>The configured default limit, checked: a positive number of bytes.</summary>
    public static long DefaultLimit(Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        var text = configuration[SettingName];
        if (string.IsNullOrWhiteSpace(text))
        {
            return DefaultMaxRequestBodyBytes;
        }

        return long.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var limit) && limit > 0
            ? limit
            : throw new InvalidOperationException($"'{SettingName}' must be a positive number of bytes, not '{text}'.");
    }

    public static RouteHandlerBuilder WithRequestSizeLimit(this RouteHandlerBuilder builder, long maxBytes) =>
        builder.WithMetadata(new RequestSizeLimitMetadata(maxBytes));

    public static IApplicationBuilder UseRequestSizeLimits(this IApplicationBuilder app, long defaultMaxBytes) =>
        app.Use(async (context, next) =>
        {
            Apply(context, context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? defaultMaxBytes);
            await next(context);
        });

    /// <summary>Lowers the request's body limit to <paramref name="maxBytes"/> (never raises it): 413 at once for a declared length above it.</summary>
    public static void Lower(HttpContext context, long maxBytes)
    {
        var current = context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
        Apply(context, current is { } limit ? Math.Min(limit, maxBytes) : maxBytes);
    }

    private static void Apply(HttpContext context, long limit)
    {
        if (context.Request.ContentLength > limit)
        {
            throw new BadHttpRequestException(
                $"The request body is larger than the {limit} bytes this route accepts.",
                StatusCodes.Status413PayloadTooLarge);
        }

        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false })
        {
            feature.MaxRequestBodySize = limit;
        }
    }
}

/// <summary>A route's own body-size limit, read by <see cref="RequestSizeLimits.UseRequestSizeLimits"/>.</summary>
public sealed record RequestSizeLimitMetadata(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;
