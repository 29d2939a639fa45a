using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace KnowledgeHub.OidcProvider;

/// <summary>The provider's own sign-in: a user name and password form that starts the provider's session.</summary>
internal static class LoginPage
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/account/login", (string? returnUrl) => Form(returnUrl, error: null));
        app.MapPost("/account/login", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            var returnUrl = form["returnUrl"].ToString();
            if (TestUsers.Find(form["username"], form["password"]) is not { } user)
            {
                return Form(returnUrl, "Unknown user name or wrong password.");
            }

            var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, user.UserName)], CookieAuthenticationDefaults.AuthenticationScheme);
            await context.SignInAsync(new ClaimsPrincipal(identity));
            return Results.LocalRedirect(returnUrl.StartsWith('/') ? returnUrl : "/");
        });
    }

    private static IResult Form(string? returnUrl, string? error) => Results.Content($"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Test provider sign-in</title></head>
        <body><main><h1>Test identity provider</h1>
        {(error is null ? "" : $"<p role=\"alert\">{WebUtility.HtmlEncode(error)}</p>")}
        <form method="post" action="/account/login">
        <input type="hidden" name="returnUrl" value="{WebUtility.HtmlEncode(returnUrl ?? "/")}">
        <label for="username">User name</label> <input id="username" name="username" autocomplete="username">
        <label for="password">Password</label> <input id="password" name="password" type="password" autocomplete="current-password">
        <button type="submit">Sign in to the provider</button>
        </form></main></body></html>
        """, "text/html; charset=utf-8");
}
