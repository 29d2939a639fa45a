using KnowledgeHub.Data;
using KnowledgeHub.Notifications.Features.Digests;
using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Notifications.Features.Email;

/// <summary>
/// RFC 8058 one-click unsubscribe: the mail client POSTs to the link of an e-mail's
/// List-Unsubscribe header, without a token of the hub; the signed link itself is the proof.
/// The person stops getting that kind of e-mail (or their digest) at once; their in-app notifications go on.
/// </summary>
internal static class Unsubscribe
{
    public const string Path = "/api/notifications/unsubscribe";

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/notifications/unsubscribe", HandleAsync)
            .WithName("UnsubscribeFromNotificationEmails")
            .WithSummary("One-click unsubscribe (RFC 8058) from the kind of e-mail a signed link names; needs no sign-in.")
            .AllowAnonymous()
            .DisableAntiforgery();

    private static async Task<Results<NoContent, ValidationProblem>> HandleAsync(
        string? token, UnsubscribeTokens tokens, NotificationsDatabase database, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await tokens.ReadAsync(token) is not { } subscription)
        {
            return new Validation().Add("token", "'token' is not an unsubscribe link this hub signed.").ToProblem();
        }

        await using var session = await database.OpenSessionAsync(cancellationToken);
        await session.ExecuteAsync(
            subscription.Kind == DigestMessage.UnsubscribeKind
                ? "UPDATE preferences SET digest = 'off', digest_since = @Now, updated_at = @Now WHERE person_id = @PersonId"
                : "DELETE FROM preference_kinds WHERE person_id = @PersonId AND setting = 'immediate' AND kind = @Kind",
            new { subscription.PersonId, subscription.Kind, Now = time.UtcNowForDatabase() });
        return TypedResults.NoContent();
    }
}
