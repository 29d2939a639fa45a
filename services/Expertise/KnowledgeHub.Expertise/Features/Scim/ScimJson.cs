using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace KnowledgeHub.Expertise.Features.Scim;

/// <summary>Reading SCIM bodies: attribute names are case-insensitive (RFC 7643 §2.1), values are checked for their type.</summary>
internal static class ScimJson
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 16 };

    /// <summary>The request's JSON object (as application/scim+json or application/json) whose <c>schemas</c> are exactly among <paramref name="allowed"/> and include <paramref name="required"/>.</summary>
    public static async Task<JsonObject> ReadAsync(HttpRequest request, string required, params string[] allowed)
    {
        var mediaType = request.ContentType?.Split(';')[0].Trim();
        if (mediaType is not (ScimResult.MediaType or "application/json"))
        {
            throw new ScimException(StatusCodes.Status415UnsupportedMediaType, null, $"Send {ScimResult.MediaType}.");
        }

        JsonNode? node;
        try
        {
            node = await JsonNode.ParseAsync(request.Body, documentOptions: Options, cancellationToken: request.HttpContext.RequestAborted);
        }
        catch (JsonException exception)
        {
            throw ScimException.InvalidSyntax($"The body is not JSON: {exception.Message}");
        }

        if (node is not JsonObject body)
        {
            throw ScimException.InvalidSyntax("The body must be a JSON object.");
        }

        var schemas = Get(body, "schemas") is JsonArray array && array.All(item => item is JsonValue value && value.TryGetValue<string>(out _))
            ? array.Select(item => item!.GetValue<string>()).ToList()
            : throw ScimException.InvalidSyntax("'schemas' must be an array of schema URNs.");
        var unknown = schemas.FirstOrDefault(schema => !allowed.Append(required).Contains(schema, StringComparer.OrdinalIgnoreCase));
        if (unknown is not null)
        {
            throw ScimException.InvalidSyntax($"Unknown schema '{unknown}'; this endpoint takes {string.Join(", ", allowed.Prepend(required).Distinct())}.");
        }

        if (!schemas.Contains(required, StringComparer.OrdinalIgnoreCase))
        {
            throw ScimException.InvalidSyntax($"'schemas' must include '{required}'.");
        }

        foreach (var (name, _) in body)
        {
            if (name.StartsWith("urn:", StringComparison.OrdinalIgnoreCase) && !allowed.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                throw ScimException.InvalidSyntax($"Unknown schema extension '{name}'.");
            }
        }

        return body;
    }

    /// <summary>The attribute <paramref name="name"/>, whatever its case.</summary>
    public static JsonNode? Get(JsonObject body, string name) =>
        body.FirstOrDefault(pair => string.Equals(pair.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>A string attribute, or null when absent or null; anything else is an invalid value.</summary>
    public static string? Text(JsonNode? node, string attribute) =>
        node switch
        {
            null => null,
            JsonValue value when value.TryGetValue<string>(out var text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim(),
            _ => throw ScimException.InvalidValue($"'{attribute}' must be a string."),
        };

    /// <summary>A boolean, also written as the string "True" or "False" (Microsoft Entra ID sends those).</summary>
    public static bool Boolean(JsonNode? node, string attribute) =>
        node switch
        {
            JsonValue value when value.TryGetValue<bool>(out var flag) => flag,
            JsonValue value when value.TryGetValue<string>(out var text) && bool.TryParse(text.Trim(), out var flag) => flag,
            _ => throw ScimException.InvalidValue($"'{attribute}' must be true or false."),
        };

    /// <summary>The ids of a <c>members</c> value: <c>[{ "value": "..." }]</c>.</summary>
    public static IReadOnlyList<string> MemberIds(JsonNode? node) =>
        node is JsonArray members
            ? members.Select(member => member is JsonObject item && Text(Get(item, "value"), "members.value") is { } id
                ? id
                : throw ScimException.InvalidValue("Each member must be an object with a 'value' (a user's id).")).ToList()
            : throw ScimException.InvalidValue("'members' must be an array of { \"value\": id }.");
}
