using System.Net;
using KnowledgeHub.ServiceDefaults;
using KnowledgeHub.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;
using Xunit;

namespace KnowledgeHub.Security.Tests;

/// <summary>
/// A process's endpoints are built once, for its first request, not also while it starts (ADR 0104), and
/// authorization still holds every endpoint to its policy (here the fallback: a token is required).
/// </summary>
public sealed class AuthorizationAtStartTests
{
    [Fact]
    public async Task Starting_builds_no_endpoint_and_the_first_request_is_still_authorized()
    {
        var data = Directory.CreateTempSubdirectory("kh-authorization-at-start-").FullName;
        try
        {
            var builder = WebApplication.CreateBuilder();
            builder.WebHost.UseTestServer();
            builder.Configuration[DataFolder.SettingName] = data;
            builder.AddHubAuthentication();
            await using var app = builder.Build();
            app.UseRouting();
            app.UseAuthentication();
            app.UseAuthorization();
            var endpoints = new CountedEndpoints();
            ((IEndpointRouteBuilder)app).DataSources.Add(endpoints);

            await app.StartAsync(TestContext.Current.CancellationToken);
            var builtWhileStarting = endpoints.Built;
            using var response = await app.GetTestClient().GetAsync("/counted", TestContext.Current.CancellationToken);

            Assert.Equal(0, builtWhileStarting);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal(1, endpoints.Built);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>One endpoint, counting how often its list is built.</summary>
    private sealed class CountedEndpoints : EndpointDataSource
    {
        private int _built;

        public int Built => Volatile.Read(ref _built);

        public override IReadOnlyList<Endpoint> Endpoints
        {
            get
            {
                Interlocked.Increment(ref _built);
                return [new RouteEndpoint(context => context.Response.WriteAsync("counted"), RoutePatternFactory.Parse("/counted"), 0, EndpointMetadataCollection.Empty, "counted")];
            }
        }

        public override IChangeToken GetChangeToken() => NullChangeToken.Singleton;
    }
}
