using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace KnowledgeHub.ServiceDefaults.Auth;

/// <summary>
/// Where a process records an attempt it refused (a forged or expired token, a SCIM request it could
/// not take) for the audit trail (ADR 0073). Processes with a message bus publish it; a gateway without
/// one hands a refused token on to Expertise, which refuses it again and records that.
/// </summary>
public interface IRefusedAttempts
{
    /// <param name="reason">Why it was refused, in a few words: attempts are counted per action and reason.</param>
    /// <param name="token">The refused bearer token, for a process that can only have it refused again elsewhere; never recorded.</param>
    void Record(string action, string target, string reason, string path, string? token = null);
}

/// <summary>Records every token the JWT handler refused, with what was wrong with it (never the token itself).</summary>
internal static class RefusedTokens
{
    public const string Action = "auth.token.refused";

    public static Task OnAuthenticationFailedAsync(AuthenticationFailedContext context)
    {
        context.HttpContext.RequestServices.GetService<IRefusedAttempts>()?.Record(Action, "token", ReasonOf(context.Exception), context.Request.Path, BearerToken(context.Request));
        return Task.CompletedTask;
    }

    private static string? BearerToken(Microsoft.AspNetCore.Http.HttpRequest request) =>
        request.Headers.Authorization.ToString() is var header && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;

    private static string ReasonOf(Exception exception) => exception switch
    {
        SecurityTokenInvalidIssuerException => "wrong issuer",
        SecurityTokenInvalidAudienceException => "wrong audience",
        SecurityTokenExpiredException => "expired",
        SecurityTokenNotYetValidException => "not yet valid",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "bad signature",
        SecurityTokenInvalidAlgorithmException => "algorithm not allowed",
        _ => "malformed",
    };
}
