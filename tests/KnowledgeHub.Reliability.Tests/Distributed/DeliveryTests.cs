using System.Text;
using KnowledgeHub.Testing;
using RabbitMQ.Client;
using Xunit;

namespace KnowledgeHub.Reliability.Tests.Distributed;

/// <summary>Scenarios 4 and 5: the same event delivered three times; malformed events on a consumer's queue.</summary>
[Collection(FaultHub.Collection)]
public sealed class Deliveries(FaultHub faults)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Events_delivered_three_times_have_one_effect_in_search_and_in_expertise()
    {
        faults.SkipIfUnavailable();
        var marker = FaultHub.NewMarker();
        var (author, communityId) = await faults.NewAuthorWithCommunityAsync(marker);
        await using var stream = new WriteStream(author, communityId, marker, writers: 1);
        await stream.UntilAcknowledgedAsync(10, Deadline);
        var attempts = await stream.StopAsync();

        // The relay itself delivers every event of this scenario twice more, under the same message ids.
        for (var again = 0; again < 2; again++)
        {
            await UntilCommunitiesOutboxIsDrainedAsync();
            var republished = await faults.ExecuteAsync("communities", "UPDATE outbox_messages SET published_at = NULL WHERE body LIKE @Pattern", ("Pattern", $"%{marker}%"));
            Assert.True(republished >= 10, $"Expected every post's event to be sent again, marked {republished}.");
        }

        await UntilCommunitiesOutboxIsDrainedAsync();
        var tally = await faults.Audit(author).CheckAsync("4 every event delivered 3 times", marker, communityId, attempts);
        tally.AssertNothingLostOrDuplicated();

        // One piece of evidence per post for the author, and one search-feed entry per post document.
        var authorId = Guid.Parse((await author.GetJsonAsync("/api/people/me"))["id"]!.GetValue<string>());
        try
        {
            var backlog = await faults.UntilQueuesDrainedAsync("expertise", Deadline);
            FaultReport.Note($"4 every event delivered 3 times: Expertise had {backlog} messages queued when the search side was done");
            await Eventually.EqualAsync((long)tally.FoundInService, () => faults.CountAsync("expertise", "SELECT count(*) FROM evidence WHERE person_id = @Author", ("Author", authorId)), Deadline, "one piece of evidence per post");
        }
        catch (TimeoutException timedOut)
        {
            Assert.Fail($"{timedOut.Message}\n{await faults.DiagnoseAsync("expertise")}");
        }

        var feedEntries = await faults.CountAsync("search", "SELECT count(*) FROM search_feed f JOIN search_documents d ON d.doc_key = f.doc_key WHERE d.body LIKE @Pattern AND d.body LIKE '%note%'", ("Pattern", $"%{marker}%"));
        Assert.Equal(tally.FoundInService, feedEntries);
    }

    [Fact]
    public async Task Malformed_events_end_in_the_error_queue_and_the_writes_after_them_keep_flowing()
    {
        faults.SkipIfUnavailable();
        var queues = await faults.RabbitMq.QueueDepthsAsync();
        var queue = Assert.Single(queues.Keys, name => name.Contains("search", StringComparison.Ordinal) && name.EndsWith("post-published", StringComparison.Ordinal));
        var errorQueue = queue + "_error";
        var errorsBefore = queues.GetValueOrDefault(errorQueue);

        await PublishRawAsync(queue, "this is not JSON");
        await PublishRawAsync(queue, $$$"""
            {"messageId":"{{{Guid.NewGuid()}}}","messageType":["urn:message:knowledgehub:communities:post-published:v1"],
             "message":{"postId":"00000000-0000-0000-0000-000000000000","communityId":"{{{Guid.NewGuid()}}}","communityVisibility":"open",
                        "type":"article","title":"","body":"","tags":[],"authorId":"{{{Guid.NewGuid()}}}","version":0,
                        "createdAt":"2026-11-23T00:00:00Z","updatedAt":"2026-11-23T00:00:00Z"}}
            """);

        var marker = FaultHub.NewMarker();
        var (author, communityId) = await faults.NewAuthorWithCommunityAsync(marker);
        await using var stream = new WriteStream(author, communityId, marker);
        await stream.UntilAcknowledgedAsync(10, Deadline);
        var tally = await faults.Audit(author).CheckAsync("5 malformed events on Search's queue", marker, communityId, await stream.StopAsync());
        tally.AssertNothingLostOrDuplicated();

        var errors = await Eventually.GetAsync<int?>(
            async () => (await faults.RabbitMq.QueueDepthsAsync()).GetValueOrDefault(errorQueue) is var depth && depth >= errorsBefore + 2 ? depth : null,
            Deadline,
            $"both malformed messages in {errorQueue}");
        FaultReport.Note($"5 malformed events: {errors - errorsBefore} of 2 in {errorQueue}; the writes after them flowed");
    }

    private async Task PublishRawAsync(string queue, string body)
    {
        var factory = new ConnectionFactory { Uri = new Uri(faults.RabbitMq.Url) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var properties = new BasicProperties
        {
            ContentType = "application/vnd.masstransit+json",
            MessageId = Guid.NewGuid().ToString(),
            DeliveryMode = DeliveryModes.Persistent,
        };
        await channel.BasicPublishAsync(exchange: "", routingKey: queue, mandatory: true, basicProperties: properties, body: Encoding.UTF8.GetBytes(body));
    }

    private Task UntilCommunitiesOutboxIsDrainedAsync() =>
        Eventually.AssertAsync(async () => await faults.CountAsync("communities", FaultHub.PendingOutboxMessages) == 0, Deadline, "the Communities outbox to drain");
}
