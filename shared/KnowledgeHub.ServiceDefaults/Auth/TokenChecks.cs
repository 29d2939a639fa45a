using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;

namespace KnowledgeHub.ServiceDefaults.Auth;

/// <summary>
/// What a validly signed token must still say before the hub believes it: who the caller is (a
/// person id), an expiry within <see cref="AuthSettings.MaxTokenLifetime"/>, and a person not
/// deactivated (when the process knows, <see cref="IPersonStatus"/>). The one place where a subject
/// becomes a person id.
/// </summary>
internal static class TokenChecks
{
    public static async Task OnTokenValidatedAsync(TokenValidatedContext context, AuthSettings settings)
    {
        // The wall clock, as the handler's own expiry check uses: a service's TimeProvider may be shifted in tests.
        if (context.SecurityToken.ValidTo > DateTime.UtcNow + settings.MaxTokenLifetime)
        {
            context.Fail("The token lives longer than the hub accepts.");
            return;
        }

        if (context.Principal?.Identity is not ClaimsIdentity identity
            || PersonIds.FromToken(identity.FindFirst(HubClaims.Subject)?.Value, identity.FindFirst(HubClaims.Email)?.Value, context.SecurityToken.Issuer, settings) is not { } personId)
        {
            context.Fail("The token names no person.");
            return;
        }

        foreach (var subject in identity.FindAll(HubClaims.Subject).ToList())
        {
            identity.RemoveClaim(subject);
        }

        identity.AddClaim(new Claim(HubClaims.Subject, personId.ToString()));
        if (settings.UsesOidc)
        {
            MapRoles(identity, settings.Oidc.RoleClaim);
        }

        if (context.HttpContext.RequestServices.GetService<IPersonStatus>() is { } status
            && context.SecurityToken is JsonWebToken token
            && await status.IsDeactivatedAsync(new TokenHolder(personId, identity.FindFirst(HubClaims.Email)?.Value, token.EncodedToken, new DateTimeOffset(token.IssuedAt, TimeSpan.Zero)), context.HttpContext.RequestAborted))
        {
            context.Response.Headers[PersonRefusal.Header] = "deactivated or erased";
            context.Fail("The person was deactivated or erased.");
        }
    }

    /// <summary>
    /// The provider's role claim (<c>Auth:Oidc:RoleClaim</c>) becomes the hub's <c>roles</c>: only
    /// that claim counts, so a provider's own <c>roles</c> cannot grant anything when another is named.
    /// </summary>
    private static void MapRoles(ClaimsIdentity identity, string roleClaim)
    {
        if (roleClaim == HubClaims.Roles)
        {
            return;
        }

        foreach (var role in identity.FindAll(HubClaims.Roles).ToList())
        {
            identity.RemoveClaim(role);
        }

        foreach (var value in identity.FindAll(roleClaim).Select(claim => claim.Value).ToList())
        {
            identity.AddClaim(new Claim(HubClaims.Roles, value));
        }
    }
}
