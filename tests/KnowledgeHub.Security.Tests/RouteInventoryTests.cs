using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace KnowledgeHub.Security.Tests;

/// <summary>
/// The matrix covers the API the hub really serves: every endpoint the running hub maps under
/// <c>/api</c>, <c>/health</c> and <c>/openapi</c> is called by at least one row, so a route added
/// without its authorization rows fails here. The web UI's pages and assets are not API routes;
/// tests/KnowledgeHub.Web.Tests covers their sign-in and headers.
/// </summary>
[Collection(SecuredHub.Collection)]
public sealed class RouteInventoryTests(SecuredHub hub)
{
    private static readonly string[] ApiPrefixes = ["/api/", "/health/", "/openapi/", "/scim/"];

    [Fact]
    public void Every_endpoint_the_hub_maps_is_in_the_route_by_role_matrix()
    {
        var calls = RouteMatrix.Cases
            .Select(@case => (@case.Method.Method, Path: new PathString(hub.World.Resolve(@case.Template).Split('?')[0])))
            .ToList();
        var endpoints = hub.Services.GetServices<EndpointDataSource>()
            .SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.RoutePattern.RawText is { } text && ApiPrefixes.Any(prefix => text.StartsWith(prefix, StringComparison.Ordinal)))
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => (Method: method, endpoint.RoutePattern)))
            .ToList();

        var uncovered = endpoints
            .Where(endpoint => !calls.Any(call => call.Method == endpoint.Method && Matches(endpoint.RoutePattern, call.Path)))
            .Select(endpoint => $"{endpoint.Method} {endpoint.RoutePattern.RawText}")
            .Distinct()
            .ToList();

        Assert.NotEmpty(endpoints);
        Assert.True(uncovered.Count == 0, "Routes without rows in RouteMatrix:\n" + string.Join("\n", uncovered));
    }

    private static bool Matches(RoutePattern pattern, PathString path) =>
        new TemplateMatcher(new RouteTemplate(pattern), new RouteValueDictionary()).TryMatch(path, new RouteValueDictionary());
}
