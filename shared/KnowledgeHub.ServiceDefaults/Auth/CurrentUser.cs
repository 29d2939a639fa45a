using System.Security.Claims;

namespace KnowledgeHub.ServiceDefaults.Auth;

/// <summary>What a validated token says about the caller.</summary>
public static class CurrentUser
{
    public static Guid PersonId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(HubClaims.Subject), out var id)
            ? id
            : throw new InvalidOperationException("The token carries no person id; endpoints must require authentication.");

    public static string Email(this ClaimsPrincipal user) => user.FindFirstValue(HubClaims.Email) ?? "";

    public static string DisplayName(this ClaimsPrincipal user) => user.FindFirstValue(HubClaims.Name) ?? user.Email();

    public static string? Department(this ClaimsPrincipal user) => user.FindFirstValue(HubClaims.Department);

    /// <summary>When the caller's token was issued (its <c>iat</c>), if it says.</summary>
    public static DateTimeOffset? TokenIssuedAt(this ClaimsPrincipal user) =>
        long.TryParse(user.FindFirstValue("iat"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    public static bool IsAdmin(this ClaimsPrincipal user) => user.IsInRole(Roles.Admin);

    public static bool IsExecutiveOrAdmin(this ClaimsPrincipal user) => user.IsInRole(Roles.Executive) || user.IsAdmin();
}
