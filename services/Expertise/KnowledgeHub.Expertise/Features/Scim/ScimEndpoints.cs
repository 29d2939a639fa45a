using KnowledgeHub.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeHub.Expertise.Features.Scim;

/// <summary>
/// SCIM 2.0 (RFC 7643/7644) under <c>/scim/v2</c>: the organisation's directory provisions people
/// and departments (ADR 0068). Reachable only with the <c>Scim:Token</c> bearer token, never with a
/// person's token; answers 404 while no token is configured. Every answer is <c>application/scim+json</c>.
/// </summary>
internal static class ScimEndpoints
{
    public const string TokenRefusedAction = "scim.token.refused";
    public const string RequestRefusedAction = "scim.request.refused";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var scim = endpoints.MapGroup(ScimLocations.Root)
            .WithGroupName(ExpertiseModule.Name)
            .WithTags("SCIM")
            .AllowAnonymous()
            .AddEndpointFilter(GuardAsync);
        ScimDiscovery.Map(scim);
        CreateScimUser.Map(scim);
        GetScimUser.Map(scim);
        ListScimUsers.Map(scim);
        ReplaceScimUser.Map(scim);
        PatchScimUser.Map(scim);
        DeleteScimUser.Map(scim);
        ListScimGroups.Map(scim);
        GetScimGroup.Map(scim);
        CreateScimGroup.Map(scim);
        ReplaceScimGroup.Map(scim);
        PatchScimGroup.Map(scim);
        DeleteScimGroup.Map(scim);
        // Any other path under /scim/v2 is a SCIM 404 (after the token check), not the web UI's page or a problem document.
        scim.MapMethods("/{**rest}", [HttpMethods.Get, HttpMethods.Post, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete], (string? rest) => ScimResult.Error(StatusCodes.Status404NotFound, null, $"There is no SCIM resource at '{rest}'."))
            .WithName("ScimNotFound")
            .ExcludeFromDescription();
    }

    /// <summary>A person's id in a path: a User's id is a UUID, anything else names no User.</summary>
    public static Guid UserId(string id) =>
        Guid.TryParse(id, out var guid) ? guid : throw ScimException.NotFound("The user");

    private static async ValueTask<object?> GuardAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var token = http.RequestServices.GetRequiredService<ScimToken>();
        if (!token.Enabled)
        {
            return ScimResult.Error(StatusCodes.Status404NotFound, null, "SCIM provisioning is off: no Scim:Token is configured.");
        }

        var refused = http.RequestServices.GetRequiredService<IRefusedAttempts>();
        if (!token.Authorizes(http.Request))
        {
            refused.Record(TokenRefusedAction, "scim", "forged or missing token", http.Request.Path);
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return ScimResult.Error(StatusCodes.Status401Unauthorized, null, "A valid SCIM bearer token is required.");
        }

        try
        {
            return await next(context);
        }
        catch (ScimException exception)
        {
            // A lookup that finds nothing is how a directory asks whether someone exists; everything else it sent was refused.
            if (exception.Status != StatusCodes.Status404NotFound)
            {
                refused.Record(RequestRefusedAction, "scim", exception.ScimType ?? exception.Status.ToString(System.Globalization.CultureInfo.InvariantCulture), http.Request.Path);
            }

            return ScimResult.Error(exception.Status, exception.ScimType, exception.Message);
        }
    }
}
