using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace KnowledgeHub.Expertise.Features.Scim;

/// <summary>Where a SCIM resource lives, as <c>meta.location</c> and <c>Location</c> name it, from the request's own address.</summary>
internal sealed class ScimLocations(HttpRequest request)
{
    public const string Root = "/scim/v2";

    public string Of(string endpoint, string? id = null) =>
        $"{request.Scheme}://{request.Host}{request.PathBase}{Root}/{endpoint}{(id is null ? "" : "/" + Uri.EscapeDataString(id))}";

    public JsonObject Meta(string resourceType, string id, DateTimeOffset created, DateTimeOffset lastModified) =>
        new()
        {
            ["resourceType"] = resourceType,
            ["created"] = created.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["lastModified"] = lastModified.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["location"] = Of(resourceType + "s", id),
        };

    /// <summary>Drops null attributes and objects left empty, as SCIM leaves unassigned attributes out (RFC 7643 §2.5).</summary>
    public static JsonObject WithoutNulls(JsonObject resource)
    {
        foreach (var (name, value) in resource.ToList())
        {
            if (value is JsonObject inner)
            {
                WithoutNulls(inner);
            }

            if (value is null || value is JsonObject { Count: 0 })
            {
                resource.Remove(name);
            }
        }

        return resource;
    }
}
