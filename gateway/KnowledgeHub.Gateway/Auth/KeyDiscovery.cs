using KnowledgeHub.ServiceDefaults.Auth;
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
        endpoints.MapGet("/.well-known/openid-configuration", (HttpRequest request, AuthSettings settings) => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = settings.Issuer,
            ["jwks_uri"] = $"{request.Scheme}://{request.Host}/.well-known/jwks.json",
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
}
