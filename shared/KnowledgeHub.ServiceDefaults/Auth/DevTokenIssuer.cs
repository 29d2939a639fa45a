using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace KnowledgeHub.ServiceDefaults.Auth;

/// <summary>Mints RS256 tokens with the dev signing key, in the shape every service validates.</summary>
public sealed class DevTokenIssuer(AuthSettings settings, DevSigningKey key, TimeProvider time)
{
    public TimeSpan Lifetime => TimeSpan.FromMinutes(settings.DevSignIn.TokenLifetimeMinutes);

    /// <param name="email">Already validated; its lower-cased form names the person.</param>
    public string Issue(string email, string? displayName, string? department, IEnumerable<string> roles)
    {
        email = email.Trim().ToLowerInvariant();
        var now = time.GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object>
        {
            [HubClaims.Subject] = PersonIds.FromEmail(email).ToString(),
            [HubClaims.Email] = email,
            [HubClaims.Name] = string.IsNullOrWhiteSpace(displayName) ? email.Split('@')[0] : displayName.Trim(),
            [HubClaims.Roles] = roles.Distinct(StringComparer.Ordinal).ToArray(),
            [JwtRegisteredClaimNames.Jti] = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)),
        };
        if (!string.IsNullOrWhiteSpace(department))
        {
            claims[HubClaims.Department] = department;
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + Lifetime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(key.Key, SecurityAlgorithms.RsaSha256),
        });
    }
}
