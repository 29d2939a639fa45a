using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.Web.Api;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

namespace KnowledgeHub.Web.SignIn;

/// <summary>
/// Before a page or UI call runs, renews the provider's access token when it has expired or is about
/// to (ADR 0071), with the refresh token from <see cref="OidcSession"/>. The requests a page makes at
/// once share one renewal: a provider that rotates refresh tokens would refuse the second use.
/// </summary>
internal sealed partial class TokenRefresh(
    RequestDelegate next,
    OidcSession session,
    IOptionsMonitor<OpenIdConnectOptions> options,
    IHttpClientFactory clients,
    IMemoryCache recent,
    AuthSettings settings,
    ILogger<TokenRefresh> logger)
{
    /// <summary>Renew when less than this is left, or less than half the token's life for short-lived tokens.</summary>
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(60);

    public async Task InvokeAsync(HttpContext context)
    {
        if (!PageErrors.IsApiRequest(context) && session.RefreshToken(context) is { } refreshToken && ExpiresSoon(TokenCookie.Read(context)))
        {
            try
            {
                var renewed = await recent.GetOrCreateAsync(CacheKey(refreshToken), entry =>
                {
                    entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(30);
                    return RenewAsync(refreshToken, context.RequestAborted);
                });
                if (renewed is null)
                {
                    OidcSession.ForgetRefresh(context);
                }
                else
                {
                    session.Write(context, renewed);
                }
            }
            catch (HttpRequestException exception)
            {
                // The provider is unreachable, not the sign-in wrong: keep it and try again on the next page.
                LogUnreachable(logger, exception, settings.Oidc.Authority);
            }
        }

        await next(context);
    }

    private static bool ExpiresSoon(string? encoded)
    {
        if (encoded is null)
        {
            return true;
        }

        try
        {
            var token = new JsonWebToken(encoded);
            var margin = TimeSpan.FromTicks(Math.Min(Margin.Ticks, (token.ValidTo - token.IssuedAt).Ticks / 2));
            return token.ValidTo - DateTime.UtcNow < margin;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }

    private async Task<OidcSession.Tokens?> RenewAsync(string refreshToken, CancellationToken cancellationToken)
    {
        var oidc = options.Get(OidcSignIn.Scheme);
        var configuration = await oidc.ConfigurationManager!.GetConfigurationAsync(cancellationToken);
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
            ["client_id"] = oidc.ClientId!,
        };
        if (!string.IsNullOrEmpty(oidc.ClientSecret))
        {
            form["client_secret"] = oidc.ClientSecret;
        }

        using var client = clients.CreateClient();
        using var response = await client.PostAsync(configuration.TokenEndpoint, new FormUrlEncodedContent(form), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            LogRefused(logger, (int)response.StatusCode, settings.Oidc.Authority);
            return null;
        }

        var answer = await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<TokenResponse>(response.Content, cancellationToken);
        return answer?.AccessToken is { Length: > 0 } accessToken
            ? new OidcSession.Tokens(accessToken, TimeSpan.FromSeconds(answer.ExpiresIn ?? 300), answer.RefreshToken ?? refreshToken, answer.IdToken)
            : null;
    }

    /// <summary>A hash, so the cache holds no token.</summary>
    private static string CacheKey(string refreshToken) =>
        "oidc-refresh:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(refreshToken)));

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("expires_in")] int? ExpiresIn,
        [property: JsonPropertyName("refresh_token")] string? RefreshToken,
        [property: JsonPropertyName("id_token")] string? IdToken);

    [LoggerMessage(LogLevel.Warning, "The identity provider {Authority} could not be reached to renew a sign-in.")]
    private static partial void LogUnreachable(ILogger logger, Exception exception, string? authority);

    [LoggerMessage(LogLevel.Information, "The identity provider {Authority} refused to renew a sign-in ({Status}); the user signs in again.")]
    private static partial void LogRefused(ILogger logger, int status, string? authority);
}
