using System.Security.Claims;
using KnowledgeHub.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Notifications.Features.Inbox;

internal static class CountUnread
{
    internal sealed record Response(long Count);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/notifications/unread-count", HandleAsync)
            .WithName("CountUnreadNotifications")
            .WithSummary("How many of your notifications are unread.");

    private static async Task<Ok<Response>> HandleAsync(ClaimsPrincipal user, NotificationsDatabase database, CancellationToken cancellationToken)
    {
        await using var session = await database.OpenSessionAsync(cancellationToken);
        var count = await session.ScalarAsync<long>(
            "SELECT count(*) FROM notifications WHERE recipient_id = @Me AND read_at IS NULL", new { Me = user.PersonId() });
        return TypedResults.Ok(new Response(count));
    }
}
