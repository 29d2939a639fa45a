using System.Diagnostics.Metrics;
using KnowledgeHub.Contracts.Expertise;
using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.Messaging.Tests;

/// <summary>What an operator's dashboard shows when a message fails for good on RabbitMQ.</summary>
public sealed class ErrorQueueMetricsTests(PostgresRabbitMqCounters fixture) : IClassFixture<PostgresRabbitMqCounters>
{
    private const string Queue = "knowledge-hub-messaging-tests-counting";

    [Fact]
    public async Task A_message_that_fails_for_good_is_counted_and_waits_in_the_error_queue_gauge()
    {
        var host = fixture.Host;
        var faulted = 0L;
        var depth = -1L;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "KnowledgeHub.Messaging")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var tagged = tags.ToArray().ToDictionary(tag => tag.Key, tag => tag.Value as string);
            if (instrument.Name == "knowledgehub.messaging.faulted" && tagged.GetValueOrDefault("queue") == Queue)
            {
                Interlocked.Add(ref faulted, value);
            }
            else if (instrument.Name == "knowledgehub.messaging.error_queue.depth"
                && tagged.GetValueOrDefault("queue") == Queue + "_error" && tagged.GetValueOrDefault("vhost") == fixture.VirtualHostName)
            {
                Interlocked.Exchange(ref depth, value);
            }
        });
        listener.Start();

        await host.PublishAsync(new DepartmentChanged("POISON", "poison", 1, DateTimeOffset.UtcNow));

        // Other test classes of this process may poison the same queue name on their own virtual hosts at the same time.
        await Eventually.AssertAsync(() => Task.FromResult(Interlocked.Read(ref faulted) >= 1), TimeSpan.FromSeconds(15), "the fault to be counted");
        await Eventually.AssertAsync(
            () =>
            {
                listener.RecordObservableInstruments();
                return Task.FromResult(Interlocked.Read(ref depth) == 1);
            },
            TimeSpan.FromSeconds(15),
            "the error queue gauge to show the message");
    }
}
