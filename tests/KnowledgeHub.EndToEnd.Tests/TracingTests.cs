using System.Diagnostics;
using System.Net;
using KnowledgeHub.Testing;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using Xunit;

namespace KnowledgeHub.EndToEnd.Tests;

/// <summary>One trace follows a write from the gateway's HTTP request through the outbox and the broker into Search.</summary>
public sealed class TracingTests : IAsyncLifetime
{
    private readonly List<Activity> _spans = [];
    private readonly StandaloneHub _hub;

    public TracingTests() =>
        _hub = new StandaloneHub(services => services.AddOpenTelemetry().WithTracing(tracing => tracing.AddInMemoryExporter(_spans)));

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _hub.DisposeAsync();

    [Fact]
    public async Task Publishing_a_post_is_one_trace_from_request_to_search_consumer()
    {
        var flow = new HubFlow(_hub.CreateClient);
        var client = await flow.SignInAsync($"tracer.{Guid.NewGuid():N}@example.com", "IT");
        var community = await client.PostJsonAsync("/api/communities", new { name = $"Traced {Guid.NewGuid():N}", description = "", tags = Array.Empty<string>(), visibility = "open" }, HttpStatusCode.Created);
        var marker = "zt" + Guid.NewGuid().ToString("N")[..10];
        var post = await client.PostJsonAsync($"/api/communities/{community["id"]}/posts", new { type = "article", title = $"Traced {marker}", body = "Body", tags = Array.Empty<string>() }, HttpStatusCode.Created);
        await Eventually.AssertAsync(async () => HubFlow.Ids(await client.GetJsonAsync($"/api/search?q={marker}")).Contains(post["id"]!.GetValue<string>()), TimeSpan.FromSeconds(5), "search to find the post");

        var postPath = $"/api/communities/{community["id"]}/posts";
        var spans = await Eventually.GetAsync(
            () => Task.FromResult(Snapshot() is var all && all.Any(span => span.DisplayName.EndsWith("post-published process", StringComparison.Ordinal)) ? all : null),
            TimeSpan.FromSeconds(5),
            "the consumer span to end");

        var request = Assert.Single(spans, span => span.Kind == ActivityKind.Server && Equals(span.GetTagItem("url.path"), postPath));
        var relay = Assert.Single(spans, span => span.DisplayName == "outbox relay PostPublished" && span.ParentSpanId == request.SpanId);
        var send = Assert.Single(spans, span => span.Source.Name == "MassTransit" && span.Kind == ActivityKind.Producer && span.ParentSpanId == relay.SpanId);
        var receive = Assert.Single(spans, span => span.Kind == ActivityKind.Consumer && span.ParentSpanId == send.SpanId
            && span.DisplayName == "knowledge-hub-search-consumers-post-published receive");
        var consume = Assert.Single(spans, span => span.Kind == ActivityKind.Consumer && span.ParentSpanId == receive.SpanId);
        Assert.All(new[] { relay, send, receive, consume }, span => Assert.Equal(request.TraceId, span.TraceId));
    }

    private List<Activity> Snapshot()
    {
        lock (_spans)
        {
            return [.. _spans];
        }
    }
}
