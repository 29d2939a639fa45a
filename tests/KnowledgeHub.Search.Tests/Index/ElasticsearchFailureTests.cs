using System.Net;
using KnowledgeHub.Search.Index;
using Xunit;

namespace KnowledgeHub.Search.Tests.Index;

/// <summary>
/// How the adapter reads Elasticsearch's documented failures: a stale version is "not applied",
/// a busy cluster (429) and a node that is gone are transient failures the feed follower retries,
/// a missing index is an error that names it, and with two nodes a request moves to the one that answers.
/// </summary>
public sealed class Elasticsearch_adapter_failures
{
    private readonly FakeElasticsearch _server = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_bulk_item_refused_by_a_busy_node_fails_only_that_write_and_its_retry_applies()
    {
        using var index = await _server.Store("kh-test").OpenLiveAsync(Ct);
        var (kept, refused) = (Docs.Make(DocumentTypes.Post, "Kept", version: 3), Docs.Make(DocumentTypes.Post, "Refused", version: 5));
        _server.Rejected.Add(refused.Key);

        var keptWrite = index.UpsertAsync(kept, Ct);
        var refusedWrite = index.UpsertAsync(refused, Ct);

        Assert.True(await keptWrite);
        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => refusedWrite);
        Assert.Equal(HttpStatusCode.TooManyRequests, failure.StatusCode);
        Assert.Contains("es_rejected_execution_exception", failure.Message, StringComparison.Ordinal);

        _server.Rejected.Clear();
        Assert.True(await index.UpsertAsync(refused, Ct));
        Assert.Equal([(kept.Key, 3L), (refused.Key, 5L)], _server.Applied);
    }

    [Fact]
    public async Task A_busy_cluster_answering_429_to_a_bulk_request_fails_its_writes_as_transient_without_a_retry_storm()
    {
        using var index = await _server.Store("kh-test").OpenLiveAsync(Ct);
        var document = Docs.Make(DocumentTypes.Post, "Later", version: 2);
        _server.Busy = 1;

        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => index.UpsertAsync(document, Ct));

        Assert.Equal(HttpStatusCode.TooManyRequests, failure.StatusCode);
        Assert.Single(_server.Requests, request => request.Path == "/_bulk");
        Assert.Empty(_server.Applied);
        Assert.True(await index.UpsertAsync(document, Ct));
    }

    [Fact]
    public async Task A_search_of_a_deleted_index_fails_with_index_not_found()
    {
        using var index = await _server.Store("kh-test").OpenLiveAsync(Ct);
        _server.IndexMissing = true;

        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => index.SearchAsync(Docs.Query("kubernetes"), Ct));

        Assert.Equal(HttpStatusCode.NotFound, failure.StatusCode);
        Assert.Contains("index_not_found_exception", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_two_nodes_writes_move_to_the_second_when_the_first_goes_away()
    {
        using var index = await _server.Store("kh-test", FakeElasticsearch.FirstNode, FakeElasticsearch.SecondNode).OpenLiveAsync(Ct);
        var before = _server.Requests.Count;
        _server.Down.Add(FakeElasticsearch.FirstNode);

        // The client takes the nodes in turn, so three writes in a row knock on the first node at least once.
        foreach (var version in new long[] { 1, 2, 3 })
        {
            Assert.True(await index.UpsertAsync(Docs.Make(DocumentTypes.Post, $"Still written {version}", version: version), Ct));
        }

        var bulks = _server.Requests.Skip(before).Where(request => request.Path == "/_bulk").ToList();
        Assert.Contains(bulks, request => request.Node == FakeElasticsearch.FirstNode);
        Assert.Equal(3, bulks.Count(request => request.Node == FakeElasticsearch.SecondNode));
        Assert.Equal(3, _server.Applied.Count);
    }

    [Fact]
    public async Task With_its_only_node_gone_a_request_fails_as_transient_and_says_the_cluster_was_not_reached()
    {
        _server.Down.Add(FakeElasticsearch.FirstNode);

        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => _server.Store("kh-test").OpenLiveAsync(Ct));

        Assert.Null(failure.StatusCode);
        Assert.Contains("could not be reached", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Connection refused", failure.Message, StringComparison.Ordinal);
    }
}
