using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.ServiceDefaults.Http;
using KnowledgeHub.Web.Api;
using KnowledgeHub.Web.Components;
using KnowledgeHub.Web.Components.Pages;
using KnowledgeHub.Web.Demo;
using KnowledgeHub.Web.SignIn;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeHub.Web;

/// <summary>
/// The hub's web UI: server-rendered Razor components on the gateway's own origin that read and
/// write through the hub's public API (docs/adr/0021, 0022).
/// </summary>
public static class WebUi
{
    public static WebApplicationBuilder AddWebUi(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<GatewayAddress>();
        builder.Services.AddHttpClient<HubApi>((services, client) =>
        {
            client.BaseAddress = services.GetRequiredService<GatewayAddress>().Uri;
            client.Timeout = TimeSpan.FromSeconds(30);
        });
        if (AuthSettings.From(builder.Configuration) is { UsesOidc: true } auth)
        {
            OidcSignIn.Add(builder, auth);
        }

        if (builder.Configuration.GetValue<bool>(DemoOrganisation.SettingName))
        {
            builder.Services.AddHostedService<DemoOrganisation>();
        }

        return builder;
    }

    /// <summary>
    /// The pages' own headers and friendly errors. Goes before authorization: an address with no
    /// endpoint is answered 401 by the hub's fallback policy, which a browser should see as a 404 page.
    /// </summary>
    public static IApplicationBuilder UseWebUiPages(this IApplicationBuilder app)
    {
        app.UseMiddleware<PageErrors>();
        // After the error pages, so a renewal that fails unexpectedly is a friendly page too.
        return app.ApplicationServices.GetRequiredService<AuthSettings>().UsesOidc ? app.UseMiddleware<TokenRefresh>() : app;
    }

    /// <summary>Whether the request carries the web UI's sign-in cookies (not whether its token is valid).</summary>
    public static bool CarriesSignIn(HttpContext context) => TokenCookie.Read(context) is not null || OidcSession.IsPresent(context);

    public static WebApplication MapWebUi(this WebApplication app)
    {
        app.UseAntiforgery();
        // The pages themselves are open: what they show comes from the API, which checks the
        // user's token on every call (a page without one redirects to sign-in).
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorComponents<App>().AllowAnonymous().Add(endpoint =>
        {
            // Only the importer's page takes an upload larger than the hub's default body limit.
            if (endpoint is RouteEndpointBuilder { RoutePattern.RawText: ImportHistory.Route })
            {
                endpoint.Metadata.Add(new RequestSizeLimitMetadata(ImportHistory.MaxUploadBytes));
            }
        });
        var oidc = app.Services.GetRequiredService<AuthSettings>().UsesOidc;
        app.MapPost("/signout", async Task (IFormCollection _, HttpContext context) =>
        {
            // Read before the cookies go: the provider's session is named by the identity token.
            var endSession = oidc ? await OidcSignIn.EndSessionUrlAsync(context) : null;
            OidcSession.End(context);
            if (endSession is null)
            {
                context.Response.Redirect(OidcSignIn.SignedOutPath);
                return;
            }

            await OidcSignIn.WriteContinuePageAsync(context, endSession, "Signed out here; ending the session at the identity provider.");
        }).AllowAnonymous().ExcludeFromDescription();
        if (oidc)
        {
            OidcSignIn.Map(app);
        }

        app.MapGet("/ui/suggest", SuggestionProxy.HandleAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/ui/notifications/unread-count", NotificationProxy.CountAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/ui/notifications/stream", NotificationProxy.StreamAsync).AllowAnonymous().ExcludeFromDescription().DisableRequestTimeout();
        return app;
    }
}
