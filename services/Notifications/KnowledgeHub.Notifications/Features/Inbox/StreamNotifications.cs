using System.Security.Claims;
using System.Text.Json;
using KnowledgeHub.Data;
using KnowledgeHub.Notifications.Features.Delivery;
using KnowledgeHub.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Notifications.Features.Inbox;

/// <summary>
/// Server-sent events: one <c>notification</c> event per new notification of the caller, from the
/// moment the stream opens. The stream looks when this process wrote one and polls for those
/// another instance wrote; a comment every few seconds keeps proxies (the gateway's 30 s idle
/// limit) from closing a quiet stream.
/// </summary>
internal static class StreamNotifications
{
    public const string Path = "/api/notifications/stream";

    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan KeepAliveInterval = TimeSpan.FromSeconds(10);

    // A notification's created_at is taken before its transaction commits; looking back this far
    // catches one committed late, and the ids already sent keep it from being sent twice.
    private static readonly TimeSpan LookBack = TimeSpan.FromSeconds(30);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/notifications/stream", HandleAsync)
            .WithName(nameof(StreamNotifications))
            .WithSummary("Your new notifications as server-sent events (text/event-stream), one 'notification' event each.")
            .DisableRequestTimeout();

    private static async Task HandleAsync(
        HttpContext http, ClaimsPrincipal user, NotificationsDatabase database, NotificationSignal signal, TimeProvider time, CancellationToken cancellationToken)
    {
        var me = user.PersonId();
        var response = http.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        // Taken before the client hears the stream is open: whatever it causes after that is newer.
        var openedAt = time.UtcNowForDatabase();
        await response.WriteAsync(": open\n\n", cancellationToken);
        await response.Body.FlushAsync(cancellationToken);

        var sent = new Dictionary<Guid, DateTimeOffset>();
        var lastWrite = time.GetUtcNow();
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var next = signal.Next;
                var since = Max(openedAt, time.GetUtcNow() - LookBack);
                await using (var session = await database.OpenSessionAsync(cancellationToken))
                {
                    var fresh = await NotificationReader.ReadAsync(
                        session, " AND n.created_at >= @Since ORDER BY n.created_at, n.id LIMIT 100", new { Me = me, Since = since });
                    foreach (var notification in fresh.Where(notification => !sent.ContainsKey(notification.Id)))
                    {
                        sent[notification.Id] = notification.CreatedAt;
                        await response.WriteAsync(
                            $"id: {notification.Id}\nevent: notification\ndata: {JsonSerializer.Serialize(notification, JsonSerializerOptions.Web)}\n\n",
                            cancellationToken);
                        lastWrite = time.GetUtcNow();
                    }
                }

                foreach (var old in sent.Where(pair => pair.Value < since).Select(pair => pair.Key).ToList())
                {
                    sent.Remove(old);
                }

                if (time.GetUtcNow() - lastWrite >= KeepAliveInterval)
                {
                    await response.WriteAsync(": keep-alive\n\n", cancellationToken);
                    lastWrite = time.GetUtcNow();
                }

                await response.Body.FlushAsync(cancellationToken);
                await Task.WhenAny(next, Task.Delay(PollInterval, cancellationToken));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away.
        }
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
