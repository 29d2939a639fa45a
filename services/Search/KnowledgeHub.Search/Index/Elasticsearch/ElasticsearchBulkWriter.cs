using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace KnowledgeHub.Search.Index.Elasticsearch;

/// <summary>
/// Sends the writes that wait together as one bulk request (NDJSON), so a replay of many documents
/// costs few round trips. Every write carries its version with external versioning: an upsert
/// applies only above the stored version (<c>external</c>), a tombstone also at the same version
/// (<c>external_gte</c>). A version conflict (409) is the answer "not applied", not an error.
/// </summary>
internal sealed class ElasticsearchBulkWriter : IDisposable
{
    private readonly ElasticsearchClient _client;
    private readonly int _maxActions;
    private readonly Channel<Pending> _pending = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _sending;

    public ElasticsearchBulkWriter(ElasticsearchClient client, int maxActions)
    {
        _client = client;
        _maxActions = maxActions;
        _sending = Task.Run(SendLoopAsync);
    }

    public Task<bool> WriteAsync(string index, string id, long version, bool tombstone, JsonObject source, CancellationToken cancellationToken)
    {
        var action = new JsonObject
        {
            ["index"] = new JsonObject
            {
                ["_index"] = index,
                ["_id"] = id,
                ["version"] = version,
                ["version_type"] = tombstone ? "external_gte" : "external",
            },
        };
        var pending = new Pending(action, source, new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_pending.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(ElasticsearchBulkWriter));
        }

        return pending.Applied.Task.WaitAsync(cancellationToken);
    }

    public void Dispose()
    {
        _pending.Writer.TryComplete();
        _stopping.CancelAfter(TimeSpan.FromSeconds(5));
        _sending.Wait(TimeSpan.FromSeconds(10));
        _stopping.Dispose();
    }

    private async Task SendLoopAsync()
    {
        var batch = new List<Pending>(_maxActions);
        while (await _pending.Reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < _maxActions && _pending.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            try
            {
                using var response = await _client.BulkAsync(batch.SelectMany(pending => new[] { pending.Action, pending.Source }), _stopping.Token);
                Complete(batch, response);
            }
            catch (Exception exception) when (exception is HttpRequestException or JsonException or OperationCanceledException or InvalidOperationException)
            {
                foreach (var pending in batch)
                {
                    pending.Applied.TrySetException(exception);
                }
            }

            batch.Clear();
        }
    }

    /// <summary>Items answer in the order of the actions: 200 or 201 applied, 409 a newer version is stored.</summary>
    private static void Complete(List<Pending> batch, JsonDocument response)
    {
        var items = response.RootElement.GetProperty("items");
        for (var position = 0; position < batch.Count; position++)
        {
            var item = items[position].GetProperty("index");
            var status = item.GetProperty("status").GetInt32();
            if (status is (int)HttpStatusCode.OK or (int)HttpStatusCode.Created)
            {
                batch[position].Applied.TrySetResult(true);
            }
            else if (status == (int)HttpStatusCode.Conflict)
            {
                batch[position].Applied.TrySetResult(false);
            }
            else
            {
                var error = item.TryGetProperty("error", out var detail) ? detail.ToString() : "no detail";
                batch[position].Applied.TrySetException(new HttpRequestException($"Elasticsearch refused a bulk item with {status}: {error}"));
            }
        }
    }

    private sealed record Pending(JsonObject Action, JsonObject Source, TaskCompletionSource<bool> Applied);
}
