using System.Net;
using Xunit;

namespace KnowledgeHub.EndToEnd.Tests;

public sealed class RateLimitTests : IAsyncLifetime
{
    private readonly StandaloneHub _hub = new(settings: new Dictionary<string, string?>
    {
        ["RateLimiting:PermitsPerSecond"] = "1",
        ["RateLimiting:Burst"] = "5",
    });

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _hub.DisposeAsync();

    [Fact]
    public async Task A_user_over_the_limit_gets_429_with_retry_after_while_others_are_served()
    {
        var flow = new HubFlow(_hub.CreateClient);
        var busy = await flow.SignInAsync($"busy.{Guid.NewGuid():N}@example.com", "IT");
        var calm = await flow.SignInAsync($"calm.{Guid.NewGuid():N}@example.com", "IT");

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var call = 0; call < 12 && limited is null; call++)
        {
            var response = await busy.GetAsync("/api/departments");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited = response;
            }
            else
            {
                response.Dispose();
            }
        }

        Assert.NotNull(limited);
        using (limited)
        {
            Assert.True(limited.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), "429 carries Retry-After");
            Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        }

        Assert.DoesNotContain(statuses, status => (int)status >= 500);
        using var other = await calm.GetAsync("/api/departments");
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }
}
