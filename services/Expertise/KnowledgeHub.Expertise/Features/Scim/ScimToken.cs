using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace KnowledgeHub.Expertise.Features.Scim;

/// <summary>The <c>Scim</c> settings: the bearer token the organisation's directory presents (ADR 0068).</summary>
internal sealed class ScimSettings
{
    public const string SectionName = "Scim";

    /// <summary>The token itself; only its SHA-256 is kept once read. Empty (with no hash) turns SCIM off.</summary>
    public string? Token { get; set; }

    /// <summary>Instead of the token: its SHA-256 as 64 hex digits, so the token never sits in configuration.</summary>
    public string? TokenSha256 { get; set; }
}

/// <summary>
/// Checks a SCIM request's bearer token against the SHA-256 of the configured one, in constant time.
/// The hub's own JWTs never match it: SCIM is reachable with this token only.
/// </summary>
internal sealed class ScimToken
{
    public const int MinLength = 32;

    private readonly byte[]? _hash;

    private ScimToken(byte[]? hash) => _hash = hash;

    public bool Enabled => _hash is not null;

    /// <summary>Reads and checks the settings; a bad value stops the process with a message naming the setting.</summary>
    public static ScimToken From(IConfiguration configuration)
    {
        var settings = configuration.GetSection(ScimSettings.SectionName).Get<ScimSettings>() ?? new ScimSettings();
        var token = string.IsNullOrWhiteSpace(settings.Token) ? null : settings.Token;
        var hash = string.IsNullOrWhiteSpace(settings.TokenSha256) ? null : settings.TokenSha256.Trim();
        if (token is not null && hash is not null)
        {
            throw new InvalidOperationException($"Set '{ScimSettings.SectionName}:Token' or '{ScimSettings.SectionName}:TokenSha256', not both.");
        }

        if (token is not null)
        {
            return token.Length >= MinLength
                ? new ScimToken(SHA256.HashData(Encoding.UTF8.GetBytes(token)))
                : throw new InvalidOperationException($"'{ScimSettings.SectionName}:Token' must be at least {MinLength} characters (for example `openssl rand -base64 32`).");
        }

        if (hash is not null)
        {
            return hash.Length == 64 && hash.All(Uri.IsHexDigit)
                ? new ScimToken(Convert.FromHexString(hash))
                : throw new InvalidOperationException($"'{ScimSettings.SectionName}:TokenSha256' must be 64 hex digits (the SHA-256 of the token).");
        }

        return new ScimToken(null);
    }

    public bool Authorizes(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string Scheme = "Bearer ";
        if (_hash is null || !header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(header[Scheme.Length..].Trim()));
        return CryptographicOperations.FixedTimeEquals(presented, _hash);
    }
}
