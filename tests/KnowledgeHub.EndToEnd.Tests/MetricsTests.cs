using System.Net;
using KnowledgeHub.Contracts.Communities;
using KnowledgeHub.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using Xunit;

namespace KnowledgeHub.EndToEnd.Tests;

/// <summary>
/// The metrics docs/operations.md tells operators to watch are exported through the hub's
/// OpenTelemetry pipeline after real traffic. (The RabbitMQ error-queue gauge is proven in
/// KnowledgeHub.Messaging.Tests, where a broker is at hand.)
/// </summary>
public sealed class MetricsTests : IAsyncLifetime
{
    private readonly List<Metric> _exported = [];
    private readonly StandaloneHub _hub;

    public MetricsTests() =>
        _hub = new StandaloneHub(services => services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddInMemoryExporter(_exported)));

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _hub.DisposeAsync();

    [Fact]
    public async Task Requests_outbox_consumers_faults_and_search_are_measured()
    {
        var flow = new HubFlow(_hub.CreateClient);
        var client = await flow.SignInAsync($"metered.{Guid.NewGuid():N}@example.com", "IT");
        var community = await client.PostJsonAsync("/api/communities", new { name = $"Metered {Guid.NewGuid():N}", description = "", tags = Array.Empty<string>(), visibility = "open" }, HttpStatusCode.Created);
        var marker = "zm" + Guid.NewGuid().ToString("N")[..10];
        var post = await client.PostJsonAsync($"/api/communities/{community["id"]}/posts", new { type = "article", title = $"Metered {marker}", body = "Body", tags = Array.Empty<string>() }, HttpStatusCode.Created);
        await Eventually.AssertAsync(async () => HubFlow.Ids(await client.GetJsonAsync($"/api/search?q={marker}")).Contains(post["id"]!.GetValue<string>()), TimeSpan.FromSeconds(10), "search to find the post");
        // An event no consumer can apply: it fails for good and lands in the error queues.
        await _hub.Services.GetRequiredService<IBus>().Publish(new PostPublished(
            Guid.Empty, Guid.Empty, "open", "article", "", "", [], Guid.Empty, null, 0, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow));

        // Other hubs of this test process report to the same meters: wait for this one's fault.
        var metrics = await Eventually.GetAsync(
            () => Task.FromResult(Export() is var names && names.TryGetValue("knowledgehub.messaging.faulted", out var faulted)
                && Points(faulted).Any(point => Tag(point, "message_type") == nameof(PostPublished)) ? names : null),
            TimeSpan.FromSeconds(10),
            "the fault to be counted");

        Assert.Contains(Points(metrics["http.server.request.duration"]), point => Tag(point, "http.route") == "/api/communities/{id:guid}/posts");
        Assert.True(Sum(metrics["knowledgehub.outbox.relayed"]) >= 2, "The community and the post were relayed.");
        Assert.NotEmpty(Points(metrics["knowledgehub.outbox.pending"]));
        Assert.NotEmpty(Points(metrics["knowledgehub.outbox.oldest_pending_age"]));
        Assert.NotEmpty(Points(metrics["knowledgehub.outbox.relay_delay"]));
        Assert.Contains(Points(metrics["knowledgehub.messaging.consume.duration"]), point => Tag(point, "message_type") == nameof(PostPublished) && Tag(point, "outcome") == "applied");
        Assert.Contains(Points(metrics["knowledgehub.messaging.consume.lag"]), point => Tag(point, "message_type") == nameof(PostPublished));
        Assert.NotEmpty(Points(metrics["knowledgehub.search.query.duration"]));
        Assert.Contains(Points(metrics["knowledgehub.search.index.size"]), point => point.GetGaugeLastValueLong() > 0);
    }

    private Dictionary<string, Metric> Export()
    {
        _hub.Services.GetRequiredService<MeterProvider>().ForceFlush();
        lock (_exported)
        {
            return _exported.GroupBy(metric => metric.Name).ToDictionary(group => group.Key, group => group.Last());
        }
    }

    private static List<MetricPoint> Points(Metric metric)
    {
        var points = new List<MetricPoint>();
        foreach (ref readonly var point in metric.GetMetricPoints())
        {
            points.Add(point);
        }

        return points;
    }

    private static long Sum(Metric metric) => Points(metric).Sum(point => point.GetSumLong());

    private static string? Tag(MetricPoint point, string name)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == name)
            {
                return tag.Value?.ToString();
            }
        }

        return null;
    }
}
