namespace KnowledgeHub.OidcProvider;

/// <summary>What a test sets: where the hub lives, how long access tokens live, which key signs them.</summary>
public sealed class ProviderSettings
{
    public const string SectionName = "Provider";

    public const string WebClientId = "knowledgehub-web";
    public const string WebClientSecret = "knowledgehub-web-secret";

    /// <summary>A public client with the password grant, for API tests that need a token without a browser.</summary>
    public const string TestClientId = "knowledgehub-tests";

    /// <summary>A public client whose tokens are for another audience.</summary>
    public const string OtherClientId = "other-app";
    public const string OtherAudience = "other-api";

    /// <summary>The web UI's <c>/signin-oidc</c> addresses.</summary>
    public List<string> RedirectUris { get; set; } = [];

    /// <summary>Where the provider may send a user after end-session.</summary>
    public List<string> PostLogoutRedirectUris { get; set; } = [];

    public int AccessTokenLifetimeSeconds { get; set; } = 300;

    /// <summary>The audience (resource) of access tokens for the hub's clients.</summary>
    public string Audience { get; set; } = "knowledgehub-api";

    /// <summary>The claim that carries a user's roles in access and identity tokens.</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>An RSA private key (PEM) that signs tokens, so a test can forge one with it; empty means a new key.</summary>
    public string? SigningKeyPath { get; set; }
}
