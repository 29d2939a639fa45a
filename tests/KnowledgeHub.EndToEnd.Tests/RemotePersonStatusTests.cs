using System.Net;
using KnowledgeHub.Gateway.Auth;
using KnowledgeHub.ServiceDefaults.Auth;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace KnowledgeHub.EndToEnd.Tests;

/// <summary>
/// How a distributed gateway reads Expertise's answer on whether a token's person may still use the
/// hub: only a 401 that Expertise marked as about the person refuses them; a 401 Expertise gave
/// because it could not check the token at all (found on a cold start: no keys yet) does not.
/// </summary>
public sealed class RemotePersonStatusTests
{
    private static readonly TokenHolder Holder = new(Guid.NewGuid(), "someone@example.com", "token", DateTimeOffset.UtcNow);

    [Theory]
    [InlineData(HttpStatusCode.NoContent, false, false)]
    [InlineData(HttpStatusCode.Unauthorized, true, true)]
    [InlineData(HttpStatusCode.Unauthorized, false, false)]
    [InlineData(HttpStatusCode.ServiceUnavailable, false, false)]
    public async Task Only_a_refusal_marked_as_about_the_person_counts_as_deactivated(HttpStatusCode status, bool marked, bool deactivated)
    {
        var gateway = new RemotePersonStatus(new Answering(status, marked), [new Uri("http://expertise.invalid/")], TimeProvider.System, NullLogger<RemotePersonStatus>.Instance);

        Assert.Equal(deactivated, await gateway.IsDeactivatedNowAsync(Holder, TestContext.Current.CancellationToken));
    }

    /// <summary>Expertise as the gateway's HTTP client meets it, answering every request alike.</summary>
    private sealed class Answering(HttpStatusCode status, bool marked) : HttpMessageHandler, IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(this, disposeHandler: false);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = new HttpResponseMessage(status) { RequestMessage = request };
            if (marked)
            {
                response.Headers.Add(PersonRefusal.Header, "deactivated or erased");
            }

            return Task.FromResult(response);
        }
    }
}
