using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.IdentityModel.JsonWebTokens;

namespace KnowledgeHub.Gateway.Auth;

/// <summary>
/// The development sign-in: anyone may sign in as anyone, with any role. Only for a standalone hub
/// on a developer's machine; off unless <c>Auth:DevSignIn:Enabled</c>, and never with an OIDC authority.
/// A person the organisation's directory deactivated (SCIM, ADR 0068) gets no token.
/// </summary>
internal static class DevSignIn
{
    internal sealed record Request(string? Email, string? DisplayName, string? Department, IReadOnlyList<string?>? Roles);

    internal sealed record Response(string AccessToken, string TokenType, int ExpiresIn);

    public static bool IsEnabled(AuthSettings settings) =>
        settings.DevSignIn.Enabled && string.IsNullOrWhiteSpace(settings.ValidatingAuthority);

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

    private static async Task<Results<Ok<Response>, ValidationProblem, ProblemHttpResult>> Handle(
        Request request,
        DevTokenIssuer issuer,
        [FromServices] IPersonStatus? status,
        CancellationToken cancellationToken)
    {
        var validation = new Validation()
            .Require(EmailAddresses.IsValid(request.Email?.Trim()), "email", "'email' must be a valid e-mail address.")
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
        var email = request.Email!.Trim().ToLowerInvariant();
        if (status is not null && await status.IsDeactivatedNowAsync(new TokenHolder(PersonIds.FromEmail(email), email, token, new DateTimeOffset(new JsonWebToken(token).IssuedAt, TimeSpan.Zero)), cancellationToken))
        {
            return Problems.Forbidden("This person was deactivated by the organisation's directory.");
        }

        return TypedResults.Ok(new Response(token, "Bearer", (int)issuer.Lifetime.TotalSeconds));
    }
}
