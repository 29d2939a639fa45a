using System.Security.Claims;
using KnowledgeHub.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Notifications.Features.Preferences;

internal static class GetPreferences
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/notifications/preferences", HandleAsync)
            .WithName("GetNotificationPreferences")
            .WithSummary("Your notification preferences: e-mail (digest, immediate kinds) and muted kinds.");

    private static async Task<Ok<NotificationPreferences>> HandleAsync(ClaimsPrincipal user, NotificationsDatabase database, CancellationToken cancellationToken)
    {
        await using var session = await database.OpenSessionAsync(cancellationToken);
        return TypedResults.Ok(await NotificationPreferences.ReadAsync(session, user.PersonId()));
    }
}
