using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.IdentityModel.Tokens;

namespace KnowledgeHub.Gateway.Auth;

/// <summary>
/// OpenID Connect discovery and the JWKS of the dev signing key, so services in other processes
/// validate dev tokens exactly as they would validate a real identity provider's.
/// </summary>
internal static class KeyDiscovery
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        // The keys' address comes from settings or the server, never from the Host header: a
        // reflected Host would let a caller point a service's key discovery elsewhere.
        endpoints.MapGet("/.well-known/openid-configuration", (AuthSettings settings, IServer server) => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = settings.Issuer,
            ["jwks_uri"] = new Uri(PublicAddress(settings, server), "/.well-known/jwks.json").ToString(),
            ["id_token_signing_alg_values_supported"] = new[] { SecurityAlgorithms.RsaSha256 },
        })).AllowAnonymous().ExcludeFromDescription();

        endpoints.MapGet("/.well-known/jwks.json", (DevSigningKey key) =>
        {
            var parameters = key.Key.Rsa.ExportParameters(includePrivateParameters: false);
            return Results.Json(new
            {
                keys = new[]
                {
                    new Dictionary<string, string>
                    {
                        ["kty"] = "RSA",
                        ["use"] = "sig",
                        ["alg"] = SecurityAlgorithms.RsaSha256,
                        ["kid"] = key.KeyId,
                        ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                        ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                    },
                },
            });
        }).AllowAnonymous().ExcludeFromDescription();
    }

    private static Uri PublicAddress(AuthSettings settings, IServer server) =>
        settings.DevSignIn.PublicUrl is { Length: > 0 } configured
            ? new Uri(configured)
            : ListeningAddress.Of(server) ?? throw new InvalidOperationException($"Set '{AuthSettings.SectionName}:DevSignIn:PublicUrl': the gateway cannot tell where it listens.");
}
