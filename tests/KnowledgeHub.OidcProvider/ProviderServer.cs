using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;

namespace KnowledgeHub.OidcProvider;

internal static class ProviderServer
{
    public static IServiceCollection AddProviderServer(this IServiceCollection services, ProviderSettings settings)
    {
        services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<DbContext>())
            .AddServer(server =>
            {
                server.SetAuthorizationEndpointUris("/connect/authorize")
                    .SetTokenEndpointUris("/connect/token")
                    .SetEndSessionEndpointUris("/connect/logout");
                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange()
                    .AllowRefreshTokenFlow()
                    .AllowPasswordFlow();
                server.RegisterScopes("openid", "profile", "email", "roles", "offline_access");
                server.SetAccessTokenLifetime(TimeSpan.FromSeconds(settings.AccessTokenLifetimeSeconds));
                server.AddSigningKey(SigningKey(settings.SigningKeyPath));
                server.AddEphemeralEncryptionKey();
                // Resource servers validate access tokens with the public keys from JWKS: plain signed JWTs.
                server.DisableAccessTokenEncryption();
                server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    // Loopback over plain HTTP in tests.
                    .DisableTransportSecurityRequirement();
            });
        return services;
    }

    /// <summary>The key id tokens signed with a key from <see cref="ProviderSettings.SigningKeyPath"/> carry.</summary>
    public const string KeyId = "test-provider";

    private static RsaSecurityKey SigningKey(string? path)
    {
        var rsa = RSA.Create(2048);
        if (!string.IsNullOrWhiteSpace(path))
        {
            rsa.ImportFromPem(File.ReadAllText(path));
        }

        return new RsaSecurityKey(rsa) { KeyId = KeyId };
    }
}
