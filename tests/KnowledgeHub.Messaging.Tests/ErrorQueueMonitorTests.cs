using System.Diagnostics.Metrics;
using KnowledgeHub.Messaging.Monitoring;
using KnowledgeHub.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using RabbitMQ.Client;
using Xunit;

namespace KnowledgeHub.Messaging.Tests;

/// <summary>
/// The error queue gauge's poller runs in every service on RabbitMQ: a broker that stalls must not end it,
/// or it would stop the whole process with it (a background service that throws stops its host).
/// </summary>
public sealed class ErrorQueueMonitorTests
{
    private const string Queue = "knowledge-hub-messaging-tests-stalled";

    [Fact]
    public async Task A_broker_that_stalls_mid_poll_leaves_the_process_running_and_the_gauge_reading_again_afterwards()
    {
        Requirements.SkipUnlessMet(await RabbitMqServer.UnavailableReasonAsync());
        var broker = new Uri(await RabbitMqServer.CreateVirtualHostAsync("stall"));
        var virtualHost = broker.AbsolutePath.Trim('/');
        await using var proxy = new FaultProxy(broker.Port);
        var queues = new ConsumerQueues();
        // Enough queues that a poll takes a while, so that a stall starting at any moment meets one in flight.
        foreach (var number in Enumerable.Range(0, 40))
        {
            queues.Add($"{Queue}-{number}");
        }

        var settings = new MessagingSettings
        {
            Transport = MessageTransport.RabbitMq,
            RabbitMqUrl = new UriBuilder(broker) { Port = proxy.Port }.Uri.ToString(),
            ErrorQueuePollInterval = TimeSpan.FromMilliseconds(300),
        };
        using var monitor = new ErrorQueueMonitor(settings, queues, NullLogger<ErrorQueueMonitor>.Instance);
        var depth = -1L;
        using var listener = ListenToDepth($"{Queue}-0_error", virtualHost, value => Interlocked.Exchange(ref depth, value));
        try
        {
            await monitor.StartAsync(CancellationToken.None);
            for (var stall = 0; stall < 5; stall++)
            {
                // Longer than the poll's reply timeout (its interval), at a different moment of a poll each time.
                await Task.Delay(TimeSpan.FromMilliseconds(150 + (stall * 70)));
                proxy.Blackhole();
                await Task.Delay(TimeSpan.FromMilliseconds(900));
                proxy.Heal();
            }

            Assert.False(monitor.ExecuteTask!.IsCompleted, $"The monitor ended ({monitor.ExecuteTask.Status}): {monitor.ExecuteTask.Exception?.InnerException}");
            await PutOneMessageInAsync(broker, $"{Queue}-0_error");
            await Eventually.AssertAsync(
                () =>
                {
                    listener.RecordObservableInstruments();
                    return Task.FromResult(Interlocked.Read(ref depth) == 1);
                },
                TimeSpan.FromSeconds(15),
                "the gauge to read the error queue again after the stalls");
        }
        finally
        {
            await monitor.StopAsync(CancellationToken.None);
            await RabbitMqServer.DeleteVirtualHostAsync(broker.ToString());
        }
    }

    private static MeterListener ListenToDepth(string queue, string virtualHost, Action<long> report)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Name == "knowledgehub.messaging.error_queue.depth")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var tagged = tags.ToArray().ToDictionary(tag => tag.Key, tag => tag.Value as string);
            if (tagged.GetValueOrDefault("queue") == queue && tagged.GetValueOrDefault("vhost") == virtualHost)
            {
                report(value);
            }
        });
        listener.Start();
        return listener;
    }

    private static async Task PutOneMessageInAsync(Uri broker, string queue)
    {
        await using var connection = await new ConnectionFactory { Uri = broker }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
        await channel.BasicPublishAsync(string.Empty, queue, "poisoned"u8.ToArray());
    }
}
