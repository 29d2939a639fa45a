using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace KnowledgeHub.Testing;

/// <summary>SCIM requests as an identity provider sends them: JSON bodies as application/scim+json.</summary>
public static class ScimCalls
{
    public const string MediaType = "application/scim+json";

    /// <summary>Sends <paramref name="json"/> (none when null), asserts the status and the SCIM content type, and returns the body (null when empty).</summary>
    public static async Task<JsonNode?> ScimAsync(this HttpClient client, HttpMethod method, string url, string? json, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, url);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, MediaType);
        }

        using var response = await client.SendAsync(request);
        await response.EnsureStatusAsync(expected);
        var body = await response.Content.ReadAsStringAsync();
        if (body.Length == 0)
        {
            return null;
        }

        Xunit.Assert.Equal(MediaType, response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(body);
    }

    /// <summary>A SCIM error's scimType after asserting its status and schema.</summary>
    public static async Task<string?> ScimErrorAsync(this HttpClient client, HttpMethod method, string url, string? json, HttpStatusCode expected)
    {
        var error = (await client.ScimAsync(method, url, json, expected))!;
        Xunit.Assert.Equal("urn:ietf:params:scim:api:messages:2.0:Error", error["schemas"]![0]!.GetValue<string>());
        Xunit.Assert.Equal(((int)expected).ToString(System.Globalization.CultureInfo.InvariantCulture), error["status"]!.GetValue<string>());
        return error["scimType"]?.GetValue<string>();
    }

    /// <summary>A User as a directory provisions it: e-mail as userName, the enterprise department.</summary>
    public static string NewUser(string email, string givenName, string familyName, string? department = null, string? externalId = null) =>
        new JsonObject
        {
            ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:User", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"),
            ["externalId"] = externalId,
            ["userName"] = email,
            ["name"] = new JsonObject { ["givenName"] = givenName, ["familyName"] = familyName },
            ["displayName"] = $"{givenName} {familyName}",
            ["emails"] = new JsonArray(new JsonObject { ["value"] = email, ["type"] = "work", ["primary"] = true }),
            ["active"] = true,
            ["urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"] = new JsonObject { ["department"] = department },
        }.ToJsonString();

    /// <summary>A PatchOp body of the given operations (each a JSON object text).</summary>
    public static string Patch(params string[] operations) =>
        $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{{string.Join(',', operations)}}]}""";
}
