using Microsoft.AspNetCore.Http;

namespace KnowledgeHub.Web.Api;

/// <summary>
/// The user's API token lives in a cookie scripts cannot read (HttpOnly), that is only sent over
/// HTTPS when the page came over HTTPS, and never on a request another site starts (SameSite=Strict).
/// </summary>
internal static class TokenCookie
{
    public const string Name = "kh_token";

    public static string? Read(HttpContext context) => context.Request.Cookies[Name];

    public static void Write(HttpContext context, string token, TimeSpan lifetime) =>
        context.Response.Cookies.Append(Name, token, Options(context, lifetime));

    public static void Delete(HttpContext context) => context.Response.Cookies.Delete(Name, Options(context, null));

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
