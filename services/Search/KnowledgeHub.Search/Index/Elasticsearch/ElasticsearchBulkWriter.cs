using System.Net;
using System.Threading.Channels;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Core.Bulk;

namespace KnowledgeHub.Search.Index.Elasticsearch;

/// <summary>
/// Sends the writes that wait together as one bulk request, so a replay of many documents costs few
/// round trips. Every write carries its version with external versioning: an upsert applies only
/// above the stored version (<c>external</c>), a tombstone also at the same version
/// (<c>external_gte</c>). A version conflict (409) is the answer "not applied", not an error; any
/// other refusal, such as a busy node's 429, fails that write and the feed follower retries it.
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

    public Task<bool> WriteAsync(string index, string id, long version, bool tombstone, ElasticsearchDocument document, CancellationToken cancellationToken)
    {
        var operation = new BulkIndexOperation<ElasticsearchDocument>(document, index)
        {
            Id = id,
            Version = version,
            VersionType = tombstone ? VersionType.ExternalGte : VersionType.External,
        };
        var pending = new Pending(operation, new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
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
                var request = new BulkRequest { Operations = [.. batch.Select(pending => pending.Operation)] };
                var response = await _client.BulkAsync(request, _stopping.Token);
                Complete(batch, response);
            }
            catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException)
            {
                foreach (var pending in batch)
                {
                    pending.Applied.TrySetException(exception);
                }
            }

            batch.Clear();
        }
    }

    /// <summary>
    /// Items answer in the order of the actions: 200 or 201 applied, 409 a newer version is stored.
    /// Refused items leave the request itself successful; only a request that failed as a whole fails every write.
    /// </summary>
    private static void Complete(List<Pending> batch, BulkResponse response)
    {
        if (!response.ApiCallDetails.HasSuccessfulStatusCode)
        {
            throw response.Failure("a bulk write");
        }

        var items = response.Items;
        if (items.Count != batch.Count)
        {
            throw new HttpRequestException($"Elasticsearch answered a bulk write of {batch.Count} actions with {items.Count} items.");
        }

        foreach (var (pending, item) in batch.Zip(items))
        {
            if (item.Status is (int)HttpStatusCode.OK or (int)HttpStatusCode.Created)
            {
                pending.Applied.TrySetResult(true);
            }
            else if (item.Status == (int)HttpStatusCode.Conflict)
            {
                pending.Applied.TrySetResult(false);
            }
            else
            {
                pending.Applied.TrySetException(new HttpRequestException(
                    $"Elasticsearch refused the bulk item {item.Id} with {item.Status}: {item.Error?.Type} {item.Error?.Reason}", null, (HttpStatusCode)item.Status));
            }
        }
    }

    private sealed record Pending(BulkIndexOperation<ElasticsearchDocument> Operation, TaskCompletionSource<bool> Applied);
}
