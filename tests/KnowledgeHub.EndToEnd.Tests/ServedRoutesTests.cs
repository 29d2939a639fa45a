using System.Text.RegularExpressions;
using KnowledgeHub.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace KnowledgeHub.EndToEnd.Tests;

/// <summary>
/// docs/api.md is the API in the project's words; these tests hold it to what the standalone hub
/// serves: every route in the four OpenAPI documents (through the gateway) and every endpoint mapped
/// under /api, /health, /openapi, /.well-known and /scim is listed under "Served", and nothing listed
/// there is missing from the hub. Routes listed as not yet built must not be served yet.
/// </summary>
[Collection(StandaloneHubFixture.Collection)]
public sealed partial class ServedRoutesTests(StandaloneHubFixture fixture)
{
    private static readonly string[] Services = ["expertise", "communities", "alignment", "partnerships", "search", "notifications"];
    private static readonly string[] Prefixes = ["/api/", "/health/", "/openapi/", "/.well-known/", "/scim/"];

    [Fact]
    public async Task Every_route_in_the_OpenAPI_documents_is_in_docs_api_md()
    {
        var documented = Documented().Served;
        var client = fixture.Hub.CreateClient();
        var inOpenApi = new List<string>();
        foreach (var service in Services)
        {
            var document = await client.GetJsonAsync($"/openapi/{service}.json");
            inOpenApi.AddRange(document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject()
                .Select(operation => Route(operation.Key.ToUpperInvariant(), path.Key))));
        }

        Assert.NotEmpty(inOpenApi);
        var missing = inOpenApi.Except(documented).ToList();
        Assert.True(missing.Count == 0, "Served (OpenAPI) but not in docs/api.md:\n" + string.Join('\n', missing));
    }

    [Fact]
    public void Every_route_the_hub_maps_is_in_docs_api_md_and_every_listed_route_is_mapped()
    {
        var (served, notYetBuilt) = Documented();
        var mapped = Mapped();

        var problems = mapped.Except(served).Select(route => $"mapped, but not in docs/api.md: {route}")
            .Concat(served.Except(mapped).Select(route => $"listed as served in docs/api.md, but not mapped: {route}"))
            .Concat(notYetBuilt.Intersect(mapped).Except(served).Select(route => $"served now, so move it up from 'Not yet built' in docs/api.md: {route}"))
            .ToList();

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    private HashSet<string> Mapped() =>
        fixture.Hub.Services.GetServices<EndpointDataSource>()
            .SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.RoutePattern.RawText is { } text && Prefixes.Any(prefix => text.StartsWith(prefix, StringComparison.Ordinal)))
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => Route(method, endpoint.RoutePattern.RawText!)))
            .ToHashSet();

    /// <summary>The routes docs/api.md lists as served and as not yet built, each in one spelling.</summary>
    private static (HashSet<string> Served, HashSet<string> NotYetBuilt) Documented()
    {
        var (served, notYetBuilt) = ApiDocs.Routes();
        return (Spelled(served), Spelled(notYetBuilt));
    }

    private static HashSet<string> Spelled(IEnumerable<ApiDocs.DocumentedRoute> routes) =>
        routes.Select(route => Route(route.Method, route.Path)).ToHashSet();

    /// <summary>One spelling for a route: query dropped, parameter names and constraints erased (<c>/api/posts/{}</c>).</summary>
    private static string Route(string method, string path) =>
        $"{method} {Parameter().Replace(path.Split('?')[0].TrimEnd('/'), "{}")}";

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Parameter();
}
