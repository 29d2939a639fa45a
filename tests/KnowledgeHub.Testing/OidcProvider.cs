using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace KnowledgeHub.Testing;

/// <summary>
/// The test OpenID Connect provider (tests/KnowledgeHub.OidcProvider, ADR 0071) as a real process on
/// a free loopback port. Its users: <c>ada</c> (admin), <c>eve</c> (no role), <c>max</c> (executive),
/// each with the password "name-password". It signs with a key the tests hold too, so they can make
/// tokens the provider would not (expired, for another issuer) and show the hub refuses them.
/// </summary>
public sealed class OidcProvider : IAsyncDisposable
{
    /// <summary>The hub's client at the provider: confidential, code + PKCE + refresh.</summary>
    public const string WebClientId = "knowledgehub-web";
    public const string WebClientSecret = "knowledgehub-web-secret";
    public const string Audience = "knowledgehub-api";

    /// <summary>A client with the password grant, whose tokens are for the hub.</summary>
    public const string TestClientId = "knowledgehub-tests";

    /// <summary>A client with the password grant, whose tokens are for another audience.</summary>
    public const string OtherClientId = "other-app";

    private const string KeyId = "test-provider";

    private readonly string _folder;
    private readonly HubProcess _process;

    private OidcProvider(string folder, HubProcess process, RSA key)
    {
        _folder = folder;
        _process = process;
        Key = new RsaSecurityKey(key) { KeyId = KeyId };
    }

    /// <summary>The issuer, as the provider's discovery document names it (with the trailing slash).</summary>
    public Uri Authority => _process.Url;

    public RsaSecurityKey Key { get; }

    public string RecentOutput => _process.RecentOutput;

    /// <summary>
    /// Starts the provider on <paramref name="port"/>; <paramref name="hub"/> is the web UI it may send
    /// users back to (<c>/signin-oidc</c>, and <c>/signin</c> after end-session).
    /// </summary>
    public static async Task<OidcProvider> StartAsync(int port, Uri hub, TimeSpan accessTokenLifetime, string roleClaim)
    {
        var folder = Directory.CreateTempSubdirectory("kh-oidc-").FullName;
        var key = RSA.Create(2048);
        var keyPath = Path.Combine(folder, "signing-key.pem");
        await File.WriteAllTextAsync(keyPath, key.ExportRSAPrivateKeyPem());
        var process = new HubProcess("oidc provider", DistributedHub.BuildOutput("tests/KnowledgeHub.OidcProvider", "KnowledgeHub.OidcProvider.dll"), port, new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Provider__RedirectUris__0"] = new Uri(hub, "/signin-oidc").ToString(),
            ["Provider__PostLogoutRedirectUris__0"] = new Uri(hub, "/signin").ToString(),
            ["Provider__AccessTokenLifetimeSeconds"] = ((int)accessTokenLifetime.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Provider__RoleClaim"] = roleClaim,
            ["Provider__Audience"] = Audience,
            ["Provider__SigningKeyPath"] = keyPath,
        });
        var provider = new OidcProvider(folder, process, key);
        try
        {
            process.Start();
            await process.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
            return provider;
        }
        catch
        {
            await provider.DisposeAsync();
            throw;
        }
    }

    /// <summary>An access token the provider issues to <paramref name="userName"/> by the password grant.</summary>
    public async Task<string> PasswordTokenAsync(string userName, string clientId = TestClientId)
    {
        using var client = new HttpClient { BaseAddress = Authority, Timeout = TimeSpan.FromSeconds(30) };
        using var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = clientId,
            ["username"] = userName,
            ["password"] = userName + "-password",
            ["scope"] = "openid profile email roles",
        }));
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        return response.IsSuccessStatusCode
            ? body!["access_token"]!.GetValue<string>()
            : throw new InvalidOperationException($"The provider refused a token for {userName}: {body}");
    }

    /// <summary>A token in the provider's shape signed by <paramref name="key"/> (the provider's own by default), as the test says.</summary>
    public string Forge(string? issuer = null, string audience = Audience, TimeSpan? expiresIn = null, SecurityKey? key = null)
    {
        var now = DateTime.UtcNow;
        var expires = now + (expiresIn ?? TimeSpan.FromMinutes(5));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Authority.ToString(),
            Audience = audience,
            IssuedAt = expires < now ? expires - TimeSpan.FromMinutes(5) : now,
            NotBefore = expires < now ? expires - TimeSpan.FromMinutes(5) : now,
            Expires = expires,
            Claims = new Dictionary<string, object> { ["sub"] = "ada", ["name"] = "Ada Admin", ["email"] = "ada@oidc.example" },
            SigningCredentials = new SigningCredentials(key ?? Key, SecurityAlgorithms.RsaSha256),
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
