using System.Net.Mail;
using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KnowledgeHub.Gateway.Auth;

/// <summary>
/// The development sign-in: anyone may sign in as anyone, with any role. Only for a standalone hub
/// on a developer's machine; off unless <c>Auth:DevSignIn:Enabled</c>, and never with an OIDC authority.
/// </summary>
internal static class DevSignIn
{
    internal sealed record Request(string? Email, string? DisplayName, string? Department, IReadOnlyList<string?>? Roles);

    internal sealed record Response(string AccessToken, string TokenType, int ExpiresIn);

    public static bool IsEnabled(AuthSettings settings) =>
        settings.DevSignIn.Enabled && string.IsNullOrWhiteSpace(settings.Authority);

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/auth/dev-login", Handle)
            .AllowAnonymous()
            .WithName("DevLogin")
            .WithSummary("Development sign-in: a token for any e-mail and roles. Disabled in production.");

    /// <summary>
    /// Without the dev sign-in its route answers 404, as the API promises; unmapped, the fallback
    /// policy would answer 401 and invite callers to retry with a token.
    /// </summary>
    public static void MapDisabled(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/auth/dev-login", () => Problems.NotFound("The development sign-in"))
            .AllowAnonymous()
            .ExcludeFromDescription();

    private static Results<Ok<Response>, ValidationProblem> Handle(Request request, DevTokenIssuer issuer)
    {
        var validation = new Validation()
            .Require(IsEmail(request.Email), "email", "'email' must be a valid e-mail address.")
            .OptionalText(request.DisplayName, "displayName", 100)
            .Require(request.Department is null || DepartmentCodes.Normalize(request.Department) is not null, "department", $"'department' is a department code ({DepartmentCodes.Rule}).");
        foreach (var role in request.Roles ?? [])
        {
            validation.Require(role is not null && Roles.All.Contains(role), "roles", $"Roles are {string.Join(" and ", Roles.All)}; '{role}' is not one.");
        }

        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var token = issuer.Issue(request.Email!, request.DisplayName, DepartmentCodes.Normalize(request.Department), request.Roles?.OfType<string>() ?? []);
        return TypedResults.Ok(new Response(token, "Bearer", (int)issuer.Lifetime.TotalSeconds));
    }

    private static bool IsEmail(string? email)
    {
        var trimmed = email?.Trim();
        return !string.IsNullOrEmpty(trimmed) && trimmed.Length <= 254
            && MailAddress.TryCreate(trimmed, out var address) && address.Address == trimmed;
    }
}
