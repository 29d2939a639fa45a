using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;

namespace KnowledgeHub.Web.Api;

/// <summary>
/// The user's API token lives in a cookie scripts cannot read (HttpOnly), that is only sent over
/// HTTPS when the page came over HTTPS, and never on a request another site starts (SameSite=Strict).
/// A token too large for one cookie (a provider's, with many groups) is split over several.
/// </summary>
internal static class TokenCookie
{
    public const string Name = "kh_token";

    private static readonly ChunkingCookieManager Cookies = new();

    /// <summary>A token renewed during this request (ADR 0071) wins over the one the browser sent.</summary>
    private static readonly object Renewed = new();

    public static string? Read(HttpContext context) =>
        context.Items[Renewed] as string ?? Cookies.GetRequestCookie(context, Name);

    public static void Write(HttpContext context, string token, TimeSpan lifetime)
    {
        context.Items[Renewed] = token;
        Append(context, Name, token, lifetime);
    }

    public static void Delete(HttpContext context) => Remove(context, Name);

    /// <summary>Another of the UI's sign-in cookies, with the same protections.</summary>
    public static void Append(HttpContext context, string name, string value, TimeSpan? lifetime) =>
        Cookies.AppendResponseCookie(context, name, value, Options(context, lifetime));

    public static string? ReadOther(HttpContext context, string name) => Cookies.GetRequestCookie(context, name);

    public static void Remove(HttpContext context, string name) => Cookies.DeleteCookie(context, name, Options(context, null));

    private static CookieOptions Options(HttpContext context, TimeSpan? lifetime) => new()
    {
        HttpOnly = true,
        Secure = context.Request.IsHttps,
        SameSite = SameSiteMode.Strict,
        Path = "/",
        MaxAge = lifetime,
        IsEssential = true,
    };
}
