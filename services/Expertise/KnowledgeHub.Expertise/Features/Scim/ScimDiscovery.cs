using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Expertise.Features.Scim;

/// <summary>
/// What the hub's SCIM service supports (RFC 7644 §4): its configuration, its two resource types,
/// and the schemas of the attributes it keeps. Clients read these to map their attributes.
/// </summary>
internal static class ScimDiscovery
{
    public static void Map(IEndpointRouteBuilder scim)
    {
        scim.MapGet("/ServiceProviderConfig", (HttpRequest request) => ScimResult.Ok(ServiceProviderConfig(new ScimLocations(request))))
            .WithName("ScimServiceProviderConfig")
            .WithSummary("SCIM: what this service provider supports (PATCH and filters yes; bulk, sort, ETags and passwords no).");
        scim.MapGet("/ResourceTypes", (HttpRequest request) => List(ResourceTypes(new ScimLocations(request))))
            .WithName("ScimResourceTypes")
            .WithSummary("SCIM: the resource types, User and Group.");
        scim.MapGet("/ResourceTypes/{id}", (string id, HttpRequest request) => One(ResourceTypes(new ScimLocations(request)), id, "The resource type"))
            .WithName("ScimResourceType")
            .WithSummary("SCIM: one resource type.");
        scim.MapGet("/Schemas", (HttpRequest request) => List(Schemas(new ScimLocations(request))))
            .WithName("ScimSchemas")
            .WithSummary("SCIM: the schemas of the attributes the hub keeps.");
        scim.MapGet("/Schemas/{id}", (string id, HttpRequest request) => One(Schemas(new ScimLocations(request)), id, "The schema"))
            .WithName("ScimSchema")
            .WithSummary("SCIM: one schema, by its URN.");
    }

    private static ScimResult List(IReadOnlyList<JsonObject> resources) =>
        ScimResult.Ok(new ScimPage(1, resources.Count).ToList(resources.Count, resources));

    private static ScimResult One(IReadOnlyList<JsonObject> resources, string id, string what) =>
        resources.FirstOrDefault(resource => string.Equals(resource["id"]!.GetValue<string>(), id, StringComparison.OrdinalIgnoreCase)) is { } found
            ? ScimResult.Ok(found)
            : throw ScimException.NotFound(what);

    private static JsonObject ServiceProviderConfig(ScimLocations locations) =>
        new()
        {
            ["schemas"] = new JsonArray(ScimSchemas.ServiceProviderConfig),
            ["patch"] = Supported(true),
            ["bulk"] = new JsonObject { ["supported"] = false, ["maxOperations"] = 0, ["maxPayloadSize"] = 0 },
            ["filter"] = new JsonObject { ["supported"] = true, ["maxResults"] = ScimPage.MaxCount },
            ["changePassword"] = Supported(false),
            ["sort"] = Supported(false),
            ["etag"] = Supported(false),
            ["authenticationSchemes"] = new JsonArray(new JsonObject
            {
                ["type"] = "oauthbearertoken",
                ["name"] = "Bearer token",
                ["description"] = "The token configured as Scim:Token, sent as 'Authorization: Bearer <token>'.",
                ["primary"] = true,
            }),
            ["meta"] = new JsonObject { ["resourceType"] = "ServiceProviderConfig", ["location"] = locations.Of("ServiceProviderConfig") },
        };

    private static JsonObject Supported(bool supported) => new() { ["supported"] = supported };

    private static IReadOnlyList<JsonObject> ResourceTypes(ScimLocations locations) =>
    [
        ResourceType(locations, "User", "/Users", "A person of the hub's directory; userName is their e-mail.", ScimSchemas.User, ScimSchemas.EnterpriseUser),
        ResourceType(locations, "Group", "/Groups", "A department; its members are its people.", ScimSchemas.Group, null),
    ];

    private static JsonObject ResourceType(ScimLocations locations, string name, string endpoint, string description, string schema, string? extension) =>
        ScimLocations.WithoutNulls(new JsonObject
        {
            ["schemas"] = new JsonArray(ScimSchemas.ResourceType),
            ["id"] = name,
            ["name"] = name,
            ["endpoint"] = endpoint,
            ["description"] = description,
            ["schema"] = schema,
            ["schemaExtensions"] = extension is null ? null : new JsonArray(new JsonObject { ["schema"] = extension, ["required"] = false }),
            ["meta"] = new JsonObject { ["resourceType"] = "ResourceType", ["location"] = locations.Of("ResourceTypes", name) },
        });

    private static IReadOnlyList<JsonObject> Schemas(ScimLocations locations) =>
    [
        Schema(locations, ScimSchemas.User, "User", "A person of the hub's directory.",
            Attribute("userName", required: true, uniqueness: "server", description: "The person's e-mail address: their identity in the hub; it cannot change."),
            Complex("name", false, Attribute("givenName"), Attribute("familyName"), Attribute("formatted", mutability: "readOnly")),
            Attribute("displayName", description: "Shown in the directory; made from the name or the e-mail when absent."),
            Attribute("title"),
            Complex("emails", true, Attribute("value"), Attribute("type"), Attribute("primary", type: "boolean")),
            Attribute("active", type: "boolean", description: "false deactivates: out of the directory and expert results, no sign-in; contributions stay.")),
        Schema(locations, ScimSchemas.EnterpriseUser, "EnterpriseUser", "The enterprise extension's department, mapped to a hub department.",
            Attribute("department", description: "A department's name or code; a new one is created.")),
        Schema(locations, ScimSchemas.Group, "Group", "A department of the hub.",
            Attribute("displayName", required: true, uniqueness: "server"),
            Complex("members", true, Attribute("value", mutability: "immutable"), Attribute("display", mutability: "readOnly"), Attribute("$ref", type: "reference", mutability: "immutable"))),
    ];

    private static JsonObject Schema(ScimLocations locations, string id, string name, string description, params JsonObject[] attributes) =>
        new()
        {
            ["schemas"] = new JsonArray(ScimSchemas.Schema),
            ["id"] = id,
            ["name"] = name,
            ["description"] = description,
            ["attributes"] = new JsonArray(attributes),
            ["meta"] = new JsonObject { ["resourceType"] = "Schema", ["location"] = locations.Of("Schemas", id) },
        };

    private static JsonObject Attribute(
        string name, string type = "string", bool required = false, string uniqueness = "none", string mutability = "readWrite", string? description = null) =>
        ScimLocations.WithoutNulls(new JsonObject
        {
            ["name"] = name,
            ["type"] = type,
            ["multiValued"] = false,
            ["description"] = description,
            ["required"] = required,
            ["caseExact"] = false,
            ["mutability"] = mutability,
            ["returned"] = "default",
            ["uniqueness"] = uniqueness,
        });

    private static JsonObject Complex(string name, bool multiValued, params JsonObject[] subAttributes)
    {
        var attribute = Attribute(name, type: "complex");
        attribute["multiValued"] = multiValued;
        attribute["subAttributes"] = new JsonArray(subAttributes);
        return attribute;
    }
}
