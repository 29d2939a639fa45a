using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace KnowledgeHub.OidcProvider;

/// <summary>Authorization (after the login form), token (code, refresh, password) and end-session.</summary>
internal static class ProviderEndpoints
{
    private const string Server = OpenIddictServerAspNetCoreDefaults.AuthenticationScheme;

    public static void Map(WebApplication app)
    {
        app.MapMethods("/connect/authorize", ["GET", "POST"], async (HttpContext context, ProviderSettings settings) =>
        {
            var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
            var session = await context.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            if (session.Principal?.Identity?.Name is not { } userName || TestUsers.Find(userName) is not { } user)
            {
                return Results.Challenge(new AuthenticationProperties { RedirectUri = context.Request.PathBase + context.Request.Path + context.Request.QueryString });
            }

            return Results.SignIn(Principal(user, request.GetScopes(), request.ClientId, settings), authenticationScheme: Server);
        });

        app.MapPost("/connect/token", async (HttpContext context, ProviderSettings settings) =>
        {
            var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
            TestUsers.User? user;
            IEnumerable<string> scopes;
            if (request.IsPasswordGrantType())
            {
                user = TestUsers.Find(request.Username, request.Password);
                scopes = request.GetScopes();
            }
            else
            {
                // Code and refresh: the user and scopes the code or refresh token was issued for, read again.
                var redeemed = await context.AuthenticateAsync(Server);
                user = TestUsers.Find(redeemed.Principal?.GetClaim(Claims.Subject));
                scopes = redeemed.Principal?.GetScopes() ?? [];
            }

            return user is null
                ? Results.Forbid(
                    new AuthenticationProperties(new Dictionary<string, string?>
                    {
                        [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.InvalidGrant,
                        [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "Unknown user or wrong password.",
                    }),
                    [Server])
                : Results.SignIn(Principal(user, scopes, request.ClientId, settings), authenticationScheme: Server);
        });

        app.MapMethods("/connect/logout", ["GET", "POST"], async (HttpContext context) =>
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [Server]);
        });
    }

    private static ClaimsPrincipal Principal(TestUsers.User user, IEnumerable<string> scopes, string? clientId, ProviderSettings settings)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, settings.RoleClaim);
        identity.SetClaim(Claims.Subject, user.UserName)
            .SetClaim(Claims.Name, user.Name)
            .SetClaim(Claims.Email, user.Email)
            .SetClaims(settings.RoleClaim, [.. user.Roles]);
        identity.SetScopes(scopes);
        identity.SetResources(clientId == ProviderSettings.OtherClientId ? ProviderSettings.OtherAudience : settings.Audience);
        identity.SetDestinations(_ => [Destinations.AccessToken, Destinations.IdentityToken]);
        return new ClaimsPrincipal(identity);
    }
}
