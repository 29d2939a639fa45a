using KnowledgeHub.Web.Api;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;

namespace KnowledgeHub.Web.SignIn;

/// <summary>
/// What the UI keeps of a provider sign-in besides the access token (ADR 0071): the refresh token,
/// to renew the access token before it expires, and the identity token, to name the session when
/// ending it at the provider. Both in HttpOnly, SameSite=Strict cookies encrypted with the hub's
/// data protection keys, so the browser holds them but neither it nor a script can read them.
/// They last as long as the browser session; the provider decides how long a refresh token is good.
/// </summary>
internal sealed class OidcSession(IDataProtectionProvider protection)
{
    private const string RefreshCookie = "kh_refresh";
    private const string IdentityCookie = "kh_id";

    private readonly IDataProtector _protector = protection.CreateProtector("KnowledgeHub.Web.OidcSession");

    /// <summary>Tokens from the provider's token endpoint: after the code exchange or a refresh.</summary>
    public sealed record Tokens(string AccessToken, TimeSpan Lifetime, string? RefreshToken, string? IdentityToken);

    public void Write(HttpContext context, Tokens tokens)
    {
        TokenCookie.Write(context, tokens.AccessToken, tokens.Lifetime);
        if (tokens.RefreshToken is not null)
        {
            TokenCookie.Append(context, RefreshCookie, _protector.Protect(tokens.RefreshToken), lifetime: null);
        }

        if (tokens.IdentityToken is not null)
        {
            TokenCookie.Append(context, IdentityCookie, _protector.Protect(tokens.IdentityToken), lifetime: null);
        }
    }

    public string? RefreshToken(HttpContext context) => Unprotect(TokenCookie.ReadOther(context, RefreshCookie));

    public string? IdentityToken(HttpContext context) => Unprotect(TokenCookie.ReadOther(context, IdentityCookie));

    /// <summary>A refresh token the provider refused is of no more use.</summary>
    public static void ForgetRefresh(HttpContext context) => TokenCookie.Remove(context, RefreshCookie);

    public static bool IsPresent(HttpContext context) => TokenCookie.ReadOther(context, RefreshCookie) is not null;

    public static void End(HttpContext context)
    {
        TokenCookie.Delete(context);
        TokenCookie.Remove(context, RefreshCookie);
        TokenCookie.Remove(context, IdentityCookie);
    }

    private string? Unprotect(string? value)
    {
        if (value is null)
        {
            return null;
        }

        try
        {
            return _protector.Unprotect(value);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // Forged, or written before the keys changed: as if there were none.
            return null;
        }
    }
}
