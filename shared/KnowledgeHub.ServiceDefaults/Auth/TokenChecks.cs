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
    public static async Task OnTokenValidatedAsync(TokenValidatedContext context, AuthSettings settings, bool foreignSubjects)
    {
        // The wall clock, as the handler's own expiry check uses: a service's TimeProvider may be shifted in tests.
        if (context.SecurityToken.ValidTo > DateTime.UtcNow + settings.MaxTokenLifetime)
        {
            context.Fail("The token lives longer than the hub accepts.");
            return;
        }

        if (context.Principal?.Identity is not ClaimsIdentity identity
            || PersonIdOf(identity.FindFirst(HubClaims.Subject)?.Value, context.SecurityToken.Issuer, foreignSubjects) is not { } personId)
        {
            context.Fail("The token names no person.");
            return;
        }

        foreach (var subject in identity.FindAll(HubClaims.Subject).ToList())
        {
            identity.RemoveClaim(subject);
        }

        identity.AddClaim(new Claim(HubClaims.Subject, personId.ToString()));
        if (context.HttpContext.RequestServices.GetService<IPersonStatus>() is { } status
            && context.SecurityToken is JsonWebToken token
            && await status.IsDeactivatedAsync(new TokenHolder(personId, identity.FindFirst(HubClaims.Email)?.Value, token.EncodedToken, new DateTimeOffset(token.IssuedAt, TimeSpan.Zero)), context.HttpContext.RequestAborted))
        {
            context.Fail("The person was deactivated or erased.");
        }
    }

    /// <summary>
    /// A UUID subject is the person id (the dev sign-in issues those); another provider's subject
    /// that is not a UUID is named into one (UUID v5 of issuer and subject), so it stays stable.
    /// </summary>
    private static Guid? PersonIdOf(string? subject, string issuer, bool foreignSubjects) =>
        string.IsNullOrWhiteSpace(subject) ? null
        : Guid.TryParse(subject, out var id) ? (id == Guid.Empty ? null : id)
        : foreignSubjects ? PersonIds.FromExternalSubject(issuer, subject)
        : null;
}
