using System.Net;
using System.Net.Http.Json;
using KnowledgeHub.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace KnowledgeHub.EndToEnd.Tests;

/// <summary>
/// A page renders as soon as one of its reads has to wait. On a loaded machine a read's answer can
/// already be there when the page asks (the call completes at once) while the next read still waits:
/// a page must render whole at that moment too. Here the UI's calls to the API go through the test
/// server, the objective's read answered before the page awaits it, every other read later.
/// </summary>
public sealed class Page_reads_answered_at_once : IAsyncLifetime
{
    private readonly StandaloneHub _hub;

    public Page_reads_answered_at_once() =>
        _hub = new StandaloneHub(
            services => services.AddHttpClient("HubApi")
                .ConfigurePrimaryHttpMessageHandler(provider => ((TestServer)provider.GetRequiredService<IServer>()).CreateHandler())
                .AddHttpMessageHandler(() => new ObjectiveReadAnsweredAtOnce()),
            new Dictionary<string, string?> { ["Web:ApiBaseUrl"] = "http://localhost/" });

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _hub.DisposeAsync();

    [Fact]
    public async Task The_objective_edit_form_shows_when_the_objective_is_read_at_once_and_its_owners_later()
    {
        var email = $"owner.{Guid.NewGuid():N}@example.com";
        var executive = await _hub.CreateClient().SignInAsync(email, "IT", "executive");
        var owner = (await executive.GetJsonAsync("/api/people/me"))["id"]!.GetValue<string>();
        // Alignment learns of the owner from their sign-in (an event), of IT from the directory's.
        var objective = await Eventually.GetAsync(
            async () =>
            {
                using var response = await executive.PostAsJsonAsync("/api/objectives", new
                {
                    title = "Halve onboarding time",
                    description = "Joiners productive sooner",
                    department = "IT",
                    period = "2098-H1",
                    priority = 2,
                    owners = new[] { owner },
                    keyResults = new[] { new { title = "Days to first commit", baseline = 10m, target = 5m, current = 10m, unit = "days" } },
                });
                return response.StatusCode == HttpStatusCode.Created ? await response.ReadJsonAsync() : null;
            },
            TimeSpan.FromSeconds(15),
            "Alignment to know the owner and IT");

        using var page = new HttpRequestMessage(HttpMethod.Get, $"/objectives/{objective["id"]}/edit");
        page.Headers.Add("Cookie", $"kh_token={executive.DefaultRequestHeaders.Authorization!.Parameter}");
        using var response = await _hub.CreateClient().SendAsync(page);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1>Edit Halve onboarding time</h1>", html);
        Assert.Contains("Days to first commit", html);
        // The owners' field, filled from the read that came later (the header shows only the name).
        Assert.Contains($"value=\"{email}\"", html);
    }

    /// <summary>An objective's read answered (body and all) before the caller awaits it; every other call answered later.</summary>
    private sealed class ObjectiveReadAnsweredAtOnce : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method == HttpMethod.Get && request.RequestUri!.AbsolutePath.StartsWith("/api/objectives/", StringComparison.Ordinal))
            {
                // Answered off the page's synchronization context, which this call holds until the answer is in.
                return Task.FromResult(Task.Run(async () =>
                {
                    var response = await base.SendAsync(request, cancellationToken);
                    await response.Content.LoadIntoBufferAsync(cancellationToken);
                    return response;
                }, cancellationToken).GetAwaiter().GetResult());
            }

            return LaterAsync(request, cancellationToken);
        }

        private async Task<HttpResponseMessage> LaterAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Yield();
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
