using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using KnowledgeHub.Testing;

namespace KnowledgeHub.Reliability.Tests;

/// <summary>One post write as the client saw it: acknowledged only with a 201 and the new post's id.</summary>
public sealed record WriteAttempt(string Title, DateTime StartedAt, HttpStatusCode? Status, string? PostId, TimeSpan Took, string? Failure)
{
    public bool Acknowledged => Status == HttpStatusCode.Created && PostId is not null;

    /// <summary>Publishes one post titled <paramref name="title"/> (an article unless <paramref name="type"/> says otherwise) and records how the hub answered.</summary>
    public static async Task<WriteAttempt> PostAsync(HttpClient client, string communityId, string title, string type = "article", string tag = "reliability")
    {
        var startedAt = DateTime.UtcNow;
        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await client.PostAsJsonAsync(
                $"/api/communities/{communityId}/posts",
                new { type, title, body = "Written while a fault was injected.", tags = new[] { tag } });
            var id = response.StatusCode == HttpStatusCode.Created ? (await response.ReadJsonAsync())["id"]?.GetValue<string>() : null;
            return new WriteAttempt(title, startedAt, response.StatusCode, id, clock.Elapsed, null);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return new WriteAttempt(title, startedAt, null, null, clock.Elapsed, exception.GetType().Name + ": " + exception.Message);
        }
    }

    /// <summary>How the attempts were answered, e.g. "12 x Created, 3 x ServiceUnavailable".</summary>
    public static string Outcomes(IEnumerable<WriteAttempt> attempts) =>
        string.Join(", ", attempts.GroupBy(attempt => attempt.Status?.ToString() ?? "no answer").Select(group => $"{group.Count()} x {group.Key}"));
}

/// <summary>
/// A stream of post writes through the gateway by a few concurrent writers, each titled with the
/// scenario's marker and a number, kept going while a fault is injected. Every attempt is recorded:
/// what matters afterwards is which writes were acknowledged.
/// </summary>
public sealed class WriteStream : IAsyncDisposable
{
    private readonly ConcurrentQueue<WriteAttempt> _attempts = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly HttpClient _client;
    private readonly string _communityId;
    private readonly string _marker;
    private readonly TimeSpan _pace;
    private readonly string _type;
    private readonly string _tag;
    private readonly Task[] _writers;
    private int _written;
    private int _acknowledged;
    private TaskCompletionSource _nextAcknowledged = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <param name="author">A signed-in client; its token is reused with a short timeout of our own.</param>
    /// <param name="pace">Each writer's pause between writes.</param>
    /// <param name="type">The type of post written (a question is routed to experts of its tag).</param>
    public WriteStream(
        HttpClient author, string communityId, string marker, int writers = 2, TimeSpan? pace = null, TimeSpan? requestTimeout = null, string type = "article", string tag = "reliability")
    {
        (_type, _tag) = (type, tag);
        _client = new HttpClient { BaseAddress = author.BaseAddress, Timeout = requestTimeout ?? TimeSpan.FromSeconds(10) };
        _client.DefaultRequestHeaders.Authorization = author.DefaultRequestHeaders.Authorization;
        _communityId = communityId;
        _marker = marker;
        _pace = pace ?? TimeSpan.FromMilliseconds(50);
        _writers = [.. Enumerable.Range(0, writers).Select(_ => Task.Run(WriteUntilStoppedAsync))];
    }

    public int Acknowledged => Volatile.Read(ref _acknowledged);

    /// <summary>The attempts so far (writers keep adding).</summary>
    public IReadOnlyList<WriteAttempt> AttemptsSoFar => [.. _attempts];

    /// <summary>Completes when the next write is acknowledged after this call.</summary>
    public Task NextAcknowledgedAsync() => Volatile.Read(ref _nextAcknowledged).Task;

    /// <summary>Waits until at least <paramref name="count"/> writes have been acknowledged in all.</summary>
    public Task UntilAcknowledgedAsync(int count, TimeSpan timeout) =>
        Eventually.AssertAsync(() => Task.FromResult(Acknowledged >= count), timeout, $"{count} acknowledged writes (have {Acknowledged})");

    /// <summary>Stops the writers after their current write and returns every attempt.</summary>
    public async Task<IReadOnlyList<WriteAttempt>> StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_writers);
        return [.. _attempts];
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _client.Dispose();
        _stop.Dispose();
    }

    private async Task WriteUntilStoppedAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var attempt = await WriteAttempt.PostAsync(_client, _communityId, $"{_marker} note {Interlocked.Increment(ref _written)}", _type, _tag);
            // Not cancelled by StopAsync: a write in flight is finished so its outcome is known.
            _attempts.Enqueue(attempt);
            if (attempt.Acknowledged)
            {
                Interlocked.Increment(ref _acknowledged);
                Interlocked.Exchange(ref _nextAcknowledged, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
            }

            try
            {
                await Task.Delay(_pace, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
