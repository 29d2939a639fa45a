using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KnowledgeHub.Web.Api;

/// <summary>
/// The header bell's live count for the page's script, which cannot read the HttpOnly token
/// cookie: the server adds the token, asks the API and passes its event stream on as it comes.
/// </summary>
internal static class NotificationProxy
{
    public static async Task<Results<Ok<UnreadCount>, UnauthorizedHttpResult, StatusCodeHttpResult>> CountAsync(HubApi api, CancellationToken ct)
    {
        try
        {
            var result = await api.GetAsync<UnreadCount>("/api/notifications/unread-count", ct);
            return result is { Succeeded: true, Value: { } count } ? TypedResults.Ok(count) : TypedResults.StatusCode((int)result.Status);
        }
        catch (SignInRequiredException)
        {
            return TypedResults.Unauthorized();
        }
    }

    public static async Task StreamAsync(HttpContext context, HubApi api)
    {
        var ct = context.RequestAborted;
        HttpResponseMessage upstream;
        try
        {
            upstream = await api.OpenStreamAsync("/api/notifications/stream", ct);
        }
        catch (SignInRequiredException)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        using (upstream)
        {
            context.Response.StatusCode = (int)upstream.StatusCode;
            if (upstream.StatusCode != HttpStatusCode.OK)
            {
                return;
            }

            context.Response.ContentType = "text/event-stream";
            context.Response.Headers.CacheControl = "no-cache";
            context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
            await using var events = await upstream.Content.ReadAsStreamAsync(ct);
            var buffer = new byte[4096];
            try
            {
                int read;
                while ((read = await events.ReadAsync(buffer, ct)) > 0)
                {
                    await context.Response.Body.WriteAsync(buffer.AsMemory(0, read), ct);
                    await context.Response.Body.FlushAsync(ct);
                }
            }
            catch (Exception exception) when (exception is OperationCanceledException or IOException or HttpRequestException)
            {
                // The page went away, or the API ended the stream: the browser's EventSource reconnects.
            }
        }
    }
}
