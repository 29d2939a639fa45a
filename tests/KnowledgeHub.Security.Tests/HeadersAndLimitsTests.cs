using System.Net;
using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace KnowledgeHub.Security.Tests;

/// <summary>What a browser and an over-eager client see: CORS, security headers, rate limits, clean errors.</summary>
[Collection(SecuredHub.Collection)]
public sealed class HeadersAndLimitsTests(SecuredHub hub)
{
    public const string TrustedOrigin = "https://portal.example.com";

    [Theory]
    [InlineData("https://evil.example.com")]
    [InlineData("https://portal.example.com.evil.example.com")]
    [InlineData("http://portal.example.com")]
    [InlineData("null")]
    public async Task A_cross_origin_call_from_an_unlisted_origin_gets_no_cors_grant(string origin)
    {
        using var preflight = await PreflightAsync(origin);
        Assert.False(preflight.Headers.Contains("Access-Control-Allow-Origin"), $"{origin} was granted CORS");
    }

    [Fact]
    public async Task A_cross_origin_call_from_the_configured_origin_is_granted()
    {
        using var preflight = await PreflightAsync(TrustedOrigin);
        Assert.Equal(TrustedOrigin, Assert.Single(preflight.Headers.GetValues("Access-Control-Allow-Origin")));
    }

    [Theory]
    [InlineData(Role.Member, "/api/communities")]
    [InlineData(Role.Anonymous, "/api/communities")]
    [InlineData(Role.Member, "/api/posts/00000000-0000-0000-0000-000000000000")]
    [InlineData(Role.Anonymous, "/health/live")]
    public async Task Every_answer_carries_the_security_headers(Role role, string path)
    {
        using var client = hub.Client(role);
        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Contains("frame-ancestors 'none'", Header(response, "Content-Security-Policy"), StringComparison.Ordinal);
    }

    /// <summary>
    /// Signed-in callers are limited per user (KnowledgeHub.EndToEnd.Tests.RateLimitTests); callers
    /// without a token, who might guess tokens or flood the sign-in, are limited per address.
    /// </summary>
    [Fact]
    public async Task Callers_without_a_token_are_limited_too_and_told_when_to_retry()
    {
        await using var gateway = new GatewayUnderTest("Development", ("RateLimiting:PermitsPerSecond", "1"), ("RateLimiting:Burst", "3"));
        using var client = gateway.Factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? rejected = null;
        while (rejected is null && statuses.Count < 8)
        {
            var answer = await client.GetAsync("/api/communities", TestContext.Current.CancellationToken);
            statuses.Add(answer.StatusCode);
            rejected = answer.StatusCode == HttpStatusCode.TooManyRequests ? answer : null;
            if (rejected is null)
            {
                answer.Dispose();
            }
        }

        Assert.Equal(HttpStatusCode.Unauthorized, statuses[0]);
        Assert.NotNull(rejected);
        using (rejected)
        {
            Assert.True(rejected.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), "429 carries Retry-After in seconds");
            await ErrorBodies.AssertCleanProblemAsync(rejected);
        }
    }

    [Theory]
    [InlineData("/api/search?q=")]
    [InlineData("/api/search/suggest?q=")]
    [InlineData("/api/people?q=")]
    [InlineData("/api/communities?q=")]
    [InlineData("/api/skills?q=")]
    [InlineData("/api/experts?q=", 2_001)]
    public async Task A_query_longer_than_the_cap_is_refused_and_named(string route, int length = 1_001)
    {
        using var client = hub.Client(Role.Member);
        using var response = await client.GetAsync(route + new string('k', length), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.ReadJsonAsync())["errors"]?["q"]);
    }

    [Theory]
    [InlineData("/api/communities?limit=101")]
    [InlineData("/api/people?limit=0")]
    [InlineData("/api/search?q=a&limit=1000")]
    public async Task A_page_larger_than_the_cap_is_refused(string route)
    {
        using var client = hub.Client(Role.Member);
        using var response = await client.GetAsync(route, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.ReadJsonAsync())["errors"]?["limit"]);
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_refused_with_413()
    {
        using var client = hub.Client(Role.Member);
        var body = new StringContent($$"""{"name":"{{new string('x', 600 * 1024)}}"}""", System.Text.Encoding.UTF8, "application/json");
        using var response = await client.PostAsync("/api/communities", body, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await ErrorBodies.AssertCleanProblemAsync(response);
    }

    [Theory]
    [InlineData("POST", "/api/communities", "{\"name\": ", "application/json", 400)]
    [InlineData("POST", "/api/communities", "name=x", "application/x-www-form-urlencoded", 415)]
    [InlineData("GET", "/api/communities?limit=abc", null, null, 400)]
    [InlineData("GET", "/api/communities?cursor=bm90LWEtY3Vyc29y", null, null, 400)]
    [InlineData("GET", "/api/no-such-route", null, null, 404)]
    [InlineData("PATCH", "/api/communities", "{}", "application/json", 405)]
    public async Task Error_bodies_are_problems_without_exception_text(string method, string path, string? body, string? contentType, int status)
    {
        using var client = hub.Client(Role.Member);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
        {
            request.Content = new StringContent(body, System.Text.Encoding.UTF8, contentType!);
        }

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(status, (int)response.StatusCode);
        await ErrorBodies.AssertCleanProblemAsync(response);
    }

    [Fact]
    public async Task A_bug_answers_500_without_exception_text_or_sql_even_in_development()
    {
        // A fault behind the hub's own pipeline, as a bug in a handler would throw it.
        await using var faulty = new GatewayUnderTest("Development", services => services.AddTransient<IStartupFilter, ThrowingEnd>());
        var user = TestUser.Employee("unlucky");
        using var client = faulty.Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", faulty.Factory.Services.GetRequiredService<DevTokenIssuer>().Issue(user.Email, user.DisplayName, user.Department, user.Roles));

        using var response = await client.GetAsync("/api/no-such-route", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        await ErrorBodies.AssertCleanProblemAsync(response);
        Assert.DoesNotContain(ThrowingEnd.Secret, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(",", values)
            : "";

    private async Task<HttpResponseMessage> PreflightAsync(string origin)
    {
        using var client = hub.Client(Role.Anonymous);
        using var request = new HttpRequestMessage(HttpMethod.Options, "/api/communities");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>Ends the hub's pipeline with a throw whose message holds SQL and a secret.</summary>
    private sealed class ThrowingEnd : IStartupFilter
    {
        public const string Secret = "SELECT password FROM users WHERE id = 42";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Run(_ => throw new InvalidOperationException(Secret));
        };
    }
}
