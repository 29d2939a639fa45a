using System.Net;
using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.Web.Components;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace KnowledgeHub.Web.SignIn;

/// <summary>
/// Sign-in at the organisation's OpenID Connect provider (ADR 0071): authorization code with PKCE,
/// ending in the same HttpOnly token cookie as the dev sign-in (ADR 0023), the provider's access
/// token forwarded to the API as a bearer token. Only with <c>Auth:Oidc:Authority</c> set.
/// </summary>
internal static partial class OidcSignIn
{
    public const string Scheme = "oidc";

    /// <summary>Where the provider sends the browser back with the code: register <c>https://hub/signin-oidc</c>.</summary>
    public const string CallbackPath = "/signin-oidc";

    /// <summary>The sign-in page's "Sign in with …" link.</summary>
    public const string StartPath = "/signin/oidc";

    /// <summary>Where the provider sends the browser after ending its session: register <c>https://hub/signin</c>.</summary>
    public const string SignedOutPath = "/signin";

    public static void Add(WebApplicationBuilder builder, AuthSettings settings)
    {
        settings.Oidc.CheckWebClient();

        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<OidcSession>();
        builder.Services.AddAuthentication().AddOpenIdConnect(Scheme, options =>
        {
            options.Authority = settings.Oidc.Authority;
            options.RequireHttpsMetadata = settings.RequireHttpsMetadata;
            options.ClientId = settings.Oidc.ClientId;
            options.ClientSecret = string.IsNullOrWhiteSpace(settings.Oidc.ClientSecret) ? null : settings.Oidc.ClientSecret;
            options.ResponseType = OpenIdConnectResponseType.Code;
            options.UsePkce = true;
            // The code comes back on a top-level GET, so the correlation and nonce cookies can be
            // SameSite=Lax (a cross-site form post would need None, which plain-HTTP hubs cannot set).
            options.ResponseMode = OpenIdConnectResponseMode.Query;
            options.CorrelationCookie.SameSite = SameSiteMode.Lax;
            options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.NonceCookie.SameSite = SameSiteMode.Lax;
            options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.CallbackPath = CallbackPath;
            options.SaveTokens = true;
            options.MapInboundClaims = false;
            options.GetClaimsFromUserInfoEndpoint = false;
            options.Scope.Clear();
            foreach (var scope in settings.Oidc.Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                options.Scope.Add(scope);
            }

            options.Events.OnTicketReceived = CompleteAsync;
            options.Events.OnRemoteFailure = FailAsync;
        });
    }

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(StartPath, (string? returnUrl) => TypedResults.Challenge(
                new AuthenticationProperties { RedirectUri = HubPage.IsLocal(returnUrl) ? returnUrl : "/" }, [Scheme]))
            .AllowAnonymous()
            .ExcludeFromDescription();
    }

    /// <summary>The provider's end-session address for this session, or null when it has none or cannot be reached.</summary>
    public static async Task<string?> EndSessionUrlAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var options = services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(Scheme);
        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await options.ConfigurationManager!.GetConfigurationAsync(context.RequestAborted);
        }
        catch (InvalidOperationException)
        {
            // The provider cannot be reached: the hub's own session still ends.
            return null;
        }

        if (string.IsNullOrEmpty(configuration.EndSessionEndpoint))
        {
            return null;
        }

        var query = new Dictionary<string, string?>
        {
            ["client_id"] = options.ClientId,
            ["post_logout_redirect_uri"] = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}{SignedOutPath}",
            ["id_token_hint"] = services.GetRequiredService<OidcSession>().IdentityToken(context),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(configuration.EndSessionEndpoint, query.Where(pair => pair.Value is not null));
    }

    /// <summary>The code was exchanged and the identity token checked: keep the tokens and continue to the page the user wanted.</summary>
    private static async Task CompleteAsync(TicketReceivedContext context)
    {
        var properties = context.Properties!;
        var accessToken = properties.GetTokenValue("access_token");
        context.HandleResponse();
        if (string.IsNullOrEmpty(accessToken))
        {
            await WriteFailedAsync(context.HttpContext, "The provider issued no access token.");
            return;
        }

        var lifetime = DateTimeOffset.TryParse(properties.GetTokenValue("expires_at"), out var expiresAt)
            ? expiresAt - DateTimeOffset.UtcNow
            : TimeSpan.FromMinutes(5);
        context.HttpContext.RequestServices.GetRequiredService<OidcSession>().Write(
            context.HttpContext,
            new OidcSession.Tokens(accessToken, lifetime, properties.GetTokenValue("refresh_token"), properties.GetTokenValue("id_token")));

        await WriteContinuePageAsync(context.HttpContext, HubPage.IsLocal(context.ReturnUri) ? context.ReturnUri! : "/", "Signed in.");
    }

    /// <summary>
    /// A page that moves on to <paramref name="url"/> at once (a meta refresh, which the content security
    /// policy allows). The next request then starts on this site, so SameSite=Strict cookies go with it;
    /// and a form on this site may lead to another origin, which <c>form-action 'self'</c> forbids a redirect to.
    /// </summary>
    public static Task WriteContinuePageAsync(HttpContext context, string url, string message)
    {
        var target = WebUtility.HtmlEncode(url);
        var response = context.Response;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.ContentSecurityPolicy = PageErrors.ContentSecurityPolicy;
        response.Headers.CacheControl = "no-store";
        return response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url={target}">
            <title>KnowledgeHub</title></head>
            <body><main id="main"><p>{WebUtility.HtmlEncode(message)} <a href="{target}">Continue</a></p></main></body></html>
            """);
    }

    /// <summary>A callback that cannot be accepted (forged or replayed state, no code, the provider's error): a page saying so, never a 500.</summary>
    private static Task FailAsync(RemoteFailureContext context)
    {
        context.HandleResponse();
        return WriteFailedAsync(context.HttpContext, context.Failure?.Message);
    }

    private static Task WriteFailedAsync(HttpContext context, string? reason)
    {
        LogFailed(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OidcSignIn)), reason);
        return PageErrors.WritePageAsync(context, StatusCodes.Status400BadRequest, "Sign-in did not complete",
            "The answer from the identity provider could not be accepted. Start again from the sign-in page.", SignedOutPath, "Sign in again");
    }

    [LoggerMessage(LogLevel.Warning, "An OpenID Connect sign-in failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string? reason);
}
