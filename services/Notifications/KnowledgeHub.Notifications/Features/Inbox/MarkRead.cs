using System.Security.Claims;
using KnowledgeHub.Data;
using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Notifications.Features.Inbox;

/// <summary>
/// Marks notifications read: the listed <c>ids</c>, or <c>all</c>. Ids that are not the caller's
/// (or do not exist) are ignored; the answer's <c>Notifications-Ignored</c> header counts them, and
/// <c>Notifications-Marked</c> counts those newly marked (the contract fixes the status: 204, no body).
/// </summary>
internal static class MarkRead
{
    public const int MaxIds = 1000;
    public const string MarkedHeader = "Notifications-Marked";
    public const string IgnoredHeader = "Notifications-Ignored";

    internal sealed record Request(IReadOnlyList<Guid>? Ids, bool? All);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/notifications/read", HandleAsync)
            .WithName("MarkNotificationsRead")
            .WithSummary("Mark notifications read: { ids: [...] } or { all: true }. Ids that are not yours are ignored and counted in the Notifications-Ignored header.");

    private static async Task<Results<NoContent, ValidationProblem>> HandleAsync(
        Request request, ClaimsPrincipal user, HttpResponse response, NotificationsDatabase database, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        if (request.All is not null)
        {
            validation.Require(request.All == true, "all", "'all' is true when given.");
            validation.Require(request.Ids is null, "ids", "Give either 'ids' or 'all', not both.");
        }
        else
        {
            validation.Require(request.Ids is { Count: > 0 }, "ids", "'ids' lists the notifications to mark read, or send { \"all\": true }.");
            validation.Require(request.Ids is null || request.Ids.Count <= MaxIds, "ids", $"'ids' holds at most {MaxIds} ids.");
        }

        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var me = user.PersonId();
        var now = time.UtcNowForDatabase();
        await using var work = await database.BeginAsync(cancellationToken);
        int marked;
        var ignored = 0;
        if (request.All == true)
        {
            marked = await work.ExecuteAsync(
                "UPDATE notifications SET read_at = @Now WHERE recipient_id = @Me AND read_at IS NULL", new { Me = me, Now = now });
        }
        else
        {
            var ids = request.Ids!.Distinct().ToList();
            var mine = await work.ScalarAsync<long>(
                $"SELECT count(*) FROM notifications WHERE recipient_id = @Me AND {work.Dialect.InList("id", "@Ids")}", new { Me = me, Ids = ids });
            ignored = ids.Count - (int)mine;
            marked = await work.ExecuteAsync(
                $"UPDATE notifications SET read_at = @Now WHERE recipient_id = @Me AND read_at IS NULL AND {work.Dialect.InList("id", "@Ids")}",
                new { Me = me, Ids = ids, Now = now });
        }

        await work.CommitAsync();
        response.Headers[MarkedHeader] = marked.ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers[IgnoredHeader] = ignored.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.NoContent();
    }
}
