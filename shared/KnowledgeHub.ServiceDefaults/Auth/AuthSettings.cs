using Microsoft.Extensions.Configuration;

namespace KnowledgeHub.ServiceDefaults.Auth;

/// <summary>How tokens are issued and checked. Bound from the <c>Auth</c> section.</summary>
public sealed class AuthSettings
{
    public const string SectionName = "Auth";

    /// <summary>An OpenID Connect authority whose metadata and keys validate tokens; empty means the local dev key.</summary>
    public string? Authority { get; set; }

    public bool RequireHttpsMetadata { get; set; } = true;

    public string Issuer { get; set; } = "knowledgehub";

    public string Audience { get; set; } = "knowledgehub-api";

    /// <summary>The PEM file of the dev signing key; empty means <c>keys/signing-key.pem</c> in the data folder.</summary>
    public string? SigningKeyPath { get; set; }

    /// <summary>A token that expires further ahead than this is refused, whoever signed it.</summary>
    public TimeSpan MaxTokenLifetime { get; set; } = TimeSpan.FromHours(24);

    public DevSignInSettings DevSignIn { get; set; } = new();

    /// <summary>Reads and checks the section; a bad value stops the process with a message naming the setting.</summary>
    public static AuthSettings From(IConfiguration configuration)
    {
        AuthSettings settings;
        try
        {
            settings = configuration.GetSection(SectionName).Get<AuthSettings>() ?? new AuthSettings();
        }
        catch (InvalidOperationException exception)
        {
            throw new InvalidOperationException($"The '{SectionName}' settings are invalid: {exception.Message}", exception);
        }

        if (!string.IsNullOrWhiteSpace(settings.Authority)
            && (!Uri.TryCreate(settings.Authority, UriKind.Absolute, out var authority)
                || (authority.Scheme != Uri.UriSchemeHttps && (settings.RequireHttpsMetadata || authority.Scheme != Uri.UriSchemeHttp))))
        {
            throw new InvalidOperationException(
                $"'{SectionName}:Authority' must be an https:// URL (http:// only with {SectionName}:RequireHttpsMetadata=false), not '{settings.Authority}'.");
        }

        if (string.IsNullOrWhiteSpace(settings.Issuer) || string.IsNullOrWhiteSpace(settings.Audience))
        {
            throw new InvalidOperationException($"'{SectionName}:Issuer' and '{SectionName}:Audience' must not be empty.");
        }

        if (settings.DevSignIn.TokenLifetimeMinutes is < 1 or > 24 * 60)
        {
            throw new InvalidOperationException($"'{SectionName}:DevSignIn:TokenLifetimeMinutes' must be between 1 and 1440, not {settings.DevSignIn.TokenLifetimeMinutes}.");
        }

        if (settings.MaxTokenLifetime < TimeSpan.FromMinutes(settings.DevSignIn.TokenLifetimeMinutes))
        {
            throw new InvalidOperationException($"'{SectionName}:MaxTokenLifetime' must be at least the dev sign-in's token lifetime, not {settings.MaxTokenLifetime}.");
        }

        if (settings.DevSignIn.PublicUrl is { Length: > 0 } publicUrl && !Uri.TryCreate(publicUrl, UriKind.Absolute, out _))
        {
            throw new InvalidOperationException($"'{SectionName}:DevSignIn:PublicUrl' must be an absolute URL, not '{publicUrl}'.");
        }

        return settings;
    }
}

public sealed class DevSignInSettings
{
    /// <summary>Off unless explicitly enabled: anyone can sign in as anyone through it.</summary>
    public bool Enabled { get; set; }

    public int TokenLifetimeMinutes { get; set; } = 480;

    /// <summary>
    /// Where other processes reach the dev sign-in's key discovery (<c>http://gateway:8080</c>); empty
    /// means the address the gateway listens on. Never taken from a request's Host header.
    /// </summary>
    public string? PublicUrl { get; set; }
}
