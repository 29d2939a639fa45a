using KnowledgeHub.Web.Api;
using KnowledgeHub.ServiceDefaults.Http;
using KnowledgeHub.Web.Components;
using KnowledgeHub.Web.Components.Pages;
using KnowledgeHub.Web.Demo;
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
    public static IApplicationBuilder UseWebUiPages(this IApplicationBuilder app) => app.UseMiddleware<PageErrors>();

    /// <summary>Whether the request carries the web UI's sign-in cookie (not whether its token is valid).</summary>
    public static bool CarriesSignIn(HttpContext context) => TokenCookie.Read(context) is not null;

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
        app.MapPost("/signout", (IFormCollection _, HttpContext context) =>
        {
            TokenCookie.Delete(context);
            return TypedResults.LocalRedirect("/signin");
        }).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/ui/suggest", SuggestionProxy.HandleAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/ui/notifications/unread-count", NotificationProxy.CountAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/ui/notifications/stream", NotificationProxy.StreamAsync).AllowAnonymous().ExcludeFromDescription().DisableRequestTimeout();
        return app;
    }
}
