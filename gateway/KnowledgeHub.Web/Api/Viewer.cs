using KnowledgeHub.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;

namespace KnowledgeHub.Web.Api;

/// <summary>
/// Who the cookie's token says is signed in, read without checking the signature: only to shape
/// the page (a name, a menu entry). Every call the page makes is authorized by the API itself.
/// Roles and person id are read as the API reads them (<c>Auth:Oidc:RoleClaim</c>, foreign subjects).
/// </summary>
internal sealed record Viewer(Guid Id, string Name, IReadOnlyList<string> Roles)
{
    public bool IsExecutive => Roles.Contains("executive") || Roles.Contains("admin");

    public bool IsAdmin => Roles.Contains("admin");

    public static Viewer? From(HttpContext? context)
    {
        if (context is null || TokenCookie.Read(context) is not { } encoded)
        {
            return null;
        }

        JsonWebToken token;
        try
        {
            token = new JsonWebToken(encoded);
        }
        catch (ArgumentException)
        {
            return null;
        }

        var settings = context.RequestServices.GetRequiredService<AuthSettings>();
        var roleClaim = settings.UsesOidc ? settings.Oidc.RoleClaim : HubClaims.Roles;
        var subject = token.TryGetPayloadValue<string>(HubClaims.Subject, out var sub) ? sub : null;
        var email = token.TryGetPayloadValue<string>(HubClaims.Email, out var mail) ? mail : null;
        var issuer = token.TryGetPayloadValue<string>("iss", out var iss) ? iss : "";
        return PersonIds.FromToken(subject, email, issuer, settings) is { } id
            ? new Viewer(
                id,
                token.TryGetPayloadValue<string>(HubClaims.Name, out var name) ? name : "",
                [.. token.Claims.Where(claim => claim.Type == roleClaim).Select(claim => claim.Value)])
            : null;
    }
}
