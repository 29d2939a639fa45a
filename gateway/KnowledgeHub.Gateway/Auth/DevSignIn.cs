using System.Net.Mail;
using System.Security.Cryptography;
using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

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

    private static Results<Ok<Response>, ValidationProblem> Handle(Request request, AuthSettings settings, DevSigningKey key, TimeProvider time)
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

        var email = request.Email!.Trim().ToLowerInvariant();
        var lifetime = TimeSpan.FromMinutes(settings.DevSignIn.TokenLifetimeMinutes);
        var now = time.GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object>
        {
            [HubClaims.Subject] = PersonIds.FromEmail(email).ToString(),
            [HubClaims.Email] = email,
            [HubClaims.Name] = string.IsNullOrWhiteSpace(request.DisplayName) ? email.Split('@')[0] : request.DisplayName.Trim(),
            [HubClaims.Roles] = (request.Roles ?? []).Distinct().ToArray(),
            [JwtRegisteredClaimNames.Jti] = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)),
        };
        if (DepartmentCodes.Normalize(request.Department) is { } department)
        {
            claims[HubClaims.Department] = department;
        }

        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(key.Key, SecurityAlgorithms.RsaSha256),
        });
        return TypedResults.Ok(new Response(token, "Bearer", (int)lifetime.TotalSeconds));
    }

    private static bool IsEmail(string? email)
    {
        var trimmed = email?.Trim();
        return !string.IsNullOrEmpty(trimmed) && trimmed.Length <= 254
            && MailAddress.TryCreate(trimmed, out var address) && address.Address == trimmed;
    }
}
