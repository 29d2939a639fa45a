using System.Security.Claims;
using KnowledgeHub.Data;
using KnowledgeHub.Notifications.Features.Digests;
using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Notifications.Features.Preferences;

internal static class UpdatePreferences
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/notifications/preferences", HandleAsync)
            .WithName("UpdateNotificationPreferences")
            .WithSummary("Replace your notification preferences: { email: { digest: off|daily|weekly, immediate: [kinds], timeZone: IANA id }, muted: [kinds] }.");

    private static async Task<Results<Ok<NotificationPreferences>, ValidationProblem>> HandleAsync(
        NotificationPreferences request, ClaimsPrincipal user, NotificationsDatabase database, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var digest = request.Email?.Digest ?? NotificationPreferences.DigestOff;
        validation.RequireOneOf(digest, "email.digest", NotificationPreferences.Digests);
        var immediate = Kinds(request.Email?.Immediate, "email.immediate", validation);
        var muted = Kinds(request.Muted, "muted", validation);
        var timeZone = string.IsNullOrWhiteSpace(request.Email?.TimeZone) ? TimeZones.Default : request.Email.TimeZone.Trim();
        validation.Require(TimeZones.Find(timeZone) is not null, "email.timeZone", $"'email.timeZone' must be an IANA time zone such as 'Europe/Berlin', not '{timeZone}'.");
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var me = user.PersonId();
        await using var work = await database.BeginAsync(cancellationToken);
        await work.ExecuteAsync(
            """
            INSERT INTO preferences (person_id, digest, time_zone, digest_since, updated_at) VALUES (@Me, @Digest, @TimeZone, @Now, @Now)
            ON CONFLICT (person_id) DO UPDATE SET digest = excluded.digest, time_zone = excluded.time_zone, updated_at = excluded.updated_at,
                digest_since = CASE WHEN preferences.digest = excluded.digest THEN preferences.digest_since ELSE excluded.digest_since END
            """,
            new { Me = me, Digest = digest, TimeZone = timeZone, Now = time.UtcNowForDatabase() });
        await work.ExecuteAsync("DELETE FROM preference_kinds WHERE person_id = @Me", new { Me = me });
        await work.ExecuteAsync(
            "INSERT INTO preference_kinds (person_id, setting, kind) VALUES (@Me, @Setting, @Kind)",
            immediate.Select(kind => new { Me = me, Setting = "immediate", Kind = kind })
                .Concat(muted.Select(kind => new { Me = me, Setting = "muted", Kind = kind })));
        var saved = await NotificationPreferences.ReadAsync(work, me);
        await work.CommitAsync();
        return TypedResults.Ok(saved);
    }

    private static IReadOnlyList<string> Kinds(IReadOnlyList<string>? kinds, string field, Validation validation)
    {
        var unknown = (kinds ?? []).Where(kind => !NotificationKinds.All.Contains(kind)).ToList();
        validation.Require(unknown.Count == 0, field, $"'{field}' holds unknown kinds ({string.Join(", ", unknown)}); the kinds are: {string.Join(", ", NotificationKinds.All)}.");
        return (kinds ?? []).Distinct(StringComparer.Ordinal).ToList();
    }
}
