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

    public DevSignInSettings DevSignIn { get; set; } = new();

    public static AuthSettings From(IConfiguration configuration) =>
        configuration.GetSection(SectionName).Get<AuthSettings>() ?? new AuthSettings();
}

public sealed class DevSignInSettings
{
    /// <summary>Off unless explicitly enabled: anyone can sign in as anyone through it.</summary>
    public bool Enabled { get; set; }

    public int TokenLifetimeMinutes { get; set; } = 480;
}
