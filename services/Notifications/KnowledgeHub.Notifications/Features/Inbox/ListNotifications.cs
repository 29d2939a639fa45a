using System.Globalization;
using System.Security.Claims;
using System.Text;
using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Notifications.Features.Inbox;

internal static class ListNotifications
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/notifications", HandleAsync)
            .WithName(nameof(ListNotifications))
            .WithSummary("Your notifications, newest first; unread=true keeps those not read yet.");

    private static async Task<Results<Ok<Page<NotificationResponse>>, ValidationProblem>> HandleAsync(
        bool? unread,
        int? limit,
        string? cursor,
        ClaimsPrincipal user,
        NotificationsDatabase database,
        CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var page = PageRequest.Parse(limit, cursor, validation);
        DateTimeOffset after = default;
        Guid afterId = default;
        if (page?.After is { } keys && !(keys.Count == 2
            && DateTimeOffset.TryParse(keys[0], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out after)
            && Guid.TryParse(keys[1], out afterId)))
        {
            validation.Add("cursor", "'cursor' is not a cursor this list handed out.");
        }

        if (page is null || !validation.IsValid)
        {
            return validation.ToProblem();
        }

        var filter = new StringBuilder();
        if (unread == true)
        {
            filter.Append(" AND n.read_at IS NULL");
        }
        else if (unread == false)
        {
            filter.Append(" AND n.read_at IS NOT NULL");
        }

        if (page.After is not null)
        {
            filter.Append(" AND (n.created_at < @After OR (n.created_at = @After AND n.id < @AfterId))");
        }

        filter.Append(" ORDER BY n.created_at DESC, n.id DESC LIMIT @Take");
        await using var session = await database.OpenSessionAsync(cancellationToken);
        var items = await NotificationReader.ReadAsync(
            session, filter.ToString(), new { Me = user.PersonId(), After = after, AfterId = afterId, Take = page.Limit + 1 });
        return TypedResults.Ok(page.ToPage(items, item => [item.CreatedAt.ToString("O", CultureInfo.InvariantCulture), item.Id.ToString()]));
    }
}
