using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace KnowledgeHub.Gateway.Proxies;

/// <summary>
/// Bound from <c>ForwardedHeaders</c>: the TLS-terminating proxies in front of the gateway whose
/// X-Forwarded-For and X-Forwarded-Proto are believed. Nobody else's are, loopback included: a
/// forged header would otherwise pick the caller's rate-limit bucket and the cookie's Secure flag.
/// </summary>
internal sealed class TrustedProxySettings
{
    public const string SectionName = "ForwardedHeaders";

    public string[] KnownProxies { get; set; } = [];
}

internal static class TrustedProxies
{
    public static WebApplicationBuilder AddTrustedProxies(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(TrustedProxySettings.SectionName).Get<TrustedProxySettings>() ?? new TrustedProxySettings();
        var proxies = settings.KnownProxies.Select(text => IPAddress.TryParse(text, out var address)
            ? address
            : throw new InvalidOperationException($"'{TrustedProxySettings.SectionName}:KnownProxies' holds IP addresses, not '{text}'.")).ToList();
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownIPNetworks.Clear();
            options.KnownProxies.Clear();
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(proxy);
            }
        });
        return builder;
    }

    /// <summary>Forwarded headers first, so that everything after sees the real caller and scheme; HSTS on HTTPS.</summary>
    public static WebApplication UseTrustedProxies(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseHsts();
        return app;
    }
}
