using System.Diagnostics;
using System.Net;
using KnowledgeHub.Web.Api;
using KnowledgeHub.Web.Components;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;

namespace KnowledgeHub.Web;

/// <summary>
/// For the UI's pages (everything but the API, health and OpenAPI): their own content security
/// policy, a redirect to sign-in when the API wants a token, and a friendly page instead of a
/// problem document or stack trace when something fails or does not exist (an unknown address
/// gets the normal layout; a failure gets a bare page that cannot fail again).
/// </summary>
internal sealed partial class PageErrors(RequestDelegate next, ILogger<PageErrors> logger)
{
    /// <summary>Only the hub's own scripts and styles; no inline code, no framing, forms post only here.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private static readonly string[] ApiPrefixes = ["/api", "/health", "/openapi"];

    public async Task InvokeAsync(HttpContext context)
    {
        if (IsApiRequest(context))
        {
            await next(context);
            return;
        }

        context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        try
        {
            await next(context);
            // No endpoint: the hub's fallback policy answers 401 before anything can say 404.
            var nothingHere = context.Response.StatusCode == StatusCodes.Status404NotFound
                || (context.Response.StatusCode == StatusCodes.Status401Unauthorized && context.GetEndpoint() is null);
            if (nothingHere && !context.Response.HasStarted && HttpMethods.IsGet(context.Request.Method))
            {
                context.Response.Headers.WWWAuthenticate = default;
                await new RazorComponentResult<NotFoundDocument> { StatusCode = StatusCodes.Status404NotFound }.ExecuteAsync(context);
            }
        }
        catch (SignInRequiredException) when (!context.Response.HasStarted)
        {
            var returnUrl = context.Request.Path + context.Request.QueryString;
            context.Response.Clear();
            context.Response.Redirect("/signin?returnUrl=" + Uri.EscapeDataString(returnUrl));
        }
        catch (Exception exception) when (!context.Response.HasStarted && exception is BadHttpRequestException or AntiforgeryValidationException)
        {
            // A form without its antiforgery token, or one that cannot be read: the sender's mistake, not the hub's.
            context.Response.Clear();
            await WritePageAsync(context, (exception as BadHttpRequestException)?.StatusCode ?? StatusCodes.Status400BadRequest, "The form could not be accepted",
                "The page you sent it from may be out of date. Go back, reload the page and try again.");
        }
        catch (Exception exception) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            LogPageFailed(logger, exception, context.Request.Method, context.Request.Path);
            context.Response.Clear();
            await WritePageAsync(context, StatusCodes.Status500InternalServerError, "Something went wrong",
                "The hub could not show this page. Try again in a moment; if it keeps happening, give this reference to support: "
                + (Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier));
        }
    }

    /// <summary>The API, health and OpenAPI: answered as documents, not pages.</summary>
    public static bool IsApiRequest(HttpContext context) =>
        ApiPrefixes.Any(prefix => context.Request.Path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));

    /// <summary>A bare page that cannot fail again: a title, a message and the way back to the start.</summary>
    public static Task WritePageAsync(HttpContext context, int status, string title, string message, string link = "/", string linkText = "Back to the start page")
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        return context.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{WebUtility.HtmlEncode(title)} · KnowledgeHub</title><link rel="stylesheet" href="/_content/KnowledgeHub.Web/site.css"></head>
            <body><main id="main" class="page error-page"><h1>{WebUtility.HtmlEncode(title)}</h1><p>{WebUtility.HtmlEncode(message)}</p>
            <p><a href="{WebUtility.HtmlEncode(link)}">{WebUtility.HtmlEncode(linkText)}</a></p></main></body></html>
            """);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A page failed for {Method} {Path}")]
    private static partial void LogPageFailed(ILogger logger, Exception exception, string method, string path);
}
