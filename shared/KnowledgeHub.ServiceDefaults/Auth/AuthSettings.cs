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

    /// <summary>
    /// The organisation's OpenID Connect provider (ADR 0071); when set, its tokens are the only ones
    /// accepted and <see cref="Authority"/> (which the service hosts' appsettings.json point at the gateway) is ignored.
    /// </summary>
    public OidcSettings Oidc { get; set; } = new();

    public bool UsesOidc => !string.IsNullOrWhiteSpace(Oidc.Authority);

    /// <summary>Whose metadata and keys validate tokens: the OIDC provider, another authority (the gateway), or none (the dev key).</summary>
    public string? ValidatingAuthority => UsesOidc ? Oidc.Authority : Authority;

    /// <summary>Tokens from an authority may name people by subjects that are not UUIDs (<see cref="PersonIds.FromToken"/>).</summary>
    public bool AcceptsForeignSubjects => !string.IsNullOrWhiteSpace(ValidatingAuthority);

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

        settings.CheckAuthority(settings.Authority, "Authority");
        settings.CheckAuthority(settings.Oidc.Authority, "Oidc:Authority");
        if (settings.UsesOidc)
        {
            if (string.IsNullOrWhiteSpace(settings.Oidc.Audience) || string.IsNullOrWhiteSpace(settings.Oidc.RoleClaim))
            {
                throw new InvalidOperationException($"'{SectionName}:Oidc:Audience' and '{SectionName}:Oidc:RoleClaim' must not be empty.");
            }
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

    private void CheckAuthority(string? value, string name)
    {
        if (!string.IsNullOrWhiteSpace(value)
            && (!Uri.TryCreate(value, UriKind.Absolute, out var authority)
                || (authority.Scheme != Uri.UriSchemeHttps && (RequireHttpsMetadata || authority.Scheme != Uri.UriSchemeHttp))))
        {
            throw new InvalidOperationException(
                $"'{SectionName}:{name}' must be an https:// URL (http:// only with {SectionName}:RequireHttpsMetadata=false), not '{value}'.");
        }
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

/// <summary>The organisation's OpenID Connect provider: the web UI signs in there, every host accepts its access tokens.</summary>
public sealed class OidcSettings
{
    /// <summary>The provider's issuer URL; its discovery document names the endpoints and signing keys.</summary>
    public string? Authority { get; set; }

    /// <summary>The web UI's client registration at the provider; required where the UI runs (the gateway).</summary>
    public string? ClientId { get; set; }

    /// <summary>Empty for a public client; PKCE protects the code either way.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The <c>aud</c> the provider's access tokens for the hub carry.</summary>
    public string Audience { get; set; } = "knowledgehub-api";

    /// <summary>The token claim whose values are the hub's roles (<c>roles</c>, <c>groups</c>, …).</summary>
    public string RoleClaim { get; set; } = HubClaims.Roles;

    /// <summary>The scopes the web UI asks for: enough for a refresh token and an access token for the hub.</summary>
    public string Scope { get; set; } = "openid profile email offline_access";

    /// <summary>The provider's name on the sign-in button ("Sign in with …").</summary>
    public string DisplayName { get; set; } = "single sign-on";

    /// <summary>What the web UI needs beyond what every host does: it signs in as a client of the provider.</summary>
    public void CheckWebClient()
    {
        if (string.IsNullOrWhiteSpace(ClientId))
        {
            throw new InvalidOperationException(
                $"'{AuthSettings.SectionName}:Oidc:ClientId' must be set when '{AuthSettings.SectionName}:Oidc:Authority' is: the web UI signs in as that client.");
        }

        if (!Scope.Split(' ').Contains("openid", StringComparer.Ordinal))
        {
            throw new InvalidOperationException($"'{AuthSettings.SectionName}:Oidc:Scope' must include 'openid', not '{Scope}'.");
        }
    }
}
