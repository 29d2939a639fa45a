using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace KnowledgeHub.Expertise.Features.Scim;

/// <summary>Why a SCIM request fails, in RFC 7644 §3.12's terms; thrown before anything is written.</summary>
internal sealed class ScimException(int status, string? scimType, string detail) : Exception(detail)
{
    public int Status { get; } = status;

    public string? ScimType { get; } = scimType;

    public static ScimException InvalidValue(string detail) => new(StatusCodes.Status400BadRequest, "invalidValue", detail);

    public static ScimException InvalidSyntax(string detail) => new(StatusCodes.Status400BadRequest, "invalidSyntax", detail);

    public static ScimException InvalidFilter(string detail) => new(StatusCodes.Status400BadRequest, "invalidFilter", detail);

    public static ScimException InvalidPath(string detail) => new(StatusCodes.Status400BadRequest, "invalidPath", detail);

    public static ScimException NoTarget(string detail) => new(StatusCodes.Status400BadRequest, "noTarget", detail);

    public static ScimException Mutability(string detail) => new(StatusCodes.Status400BadRequest, "mutability", detail);

    public static ScimException Uniqueness(string detail) => new(StatusCodes.Status409Conflict, "uniqueness", detail);

    public static ScimException NotFound(string what) => new(StatusCodes.Status404NotFound, null, $"{what} was not found.");
}

/// <summary>A SCIM answer: a JSON body as <c>application/scim+json</c>, with a Location when one was created.</summary>
internal sealed class ScimResult(JsonNode? body, int status, string? location = null) : IResult
{
    public const string MediaType = "application/scim+json";

    public static ScimResult Ok(JsonNode body) => new(body, StatusCodes.Status200OK);

    public static ScimResult Created(JsonObject resource) =>
        new(resource, StatusCodes.Status201Created, resource["meta"]?["location"]?.GetValue<string>());

    public static ScimResult NoContent() => new(null, StatusCodes.Status204NoContent);

    public static ScimResult Error(int status, string? scimType, string detail)
    {
        var error = new JsonObject
        {
            ["schemas"] = new JsonArray(ScimSchemas.Error),
            ["status"] = status.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["detail"] = detail,
        };
        if (scimType is not null)
        {
            error["scimType"] = scimType;
        }

        return new ScimResult(error, status);
    }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = status;
        if (location is not null)
        {
            response.Headers.Location = location;
        }

        if (body is not null)
        {
            response.ContentType = MediaType + "; charset=utf-8";
            await response.WriteAsync(body.ToJsonString(), Encoding.UTF8, httpContext.RequestAborted);
        }
    }
}
