using System.Collections.Concurrent;
using System.Diagnostics;

namespace KnowledgeHub.Benchmarks.Load;

/// <summary>What one request did: its route, its status (0 when it failed without one) and its latency.</summary>
internal readonly record struct Outcome(string Route, bool Writes, int Status, double Milliseconds);

/// <summary>
/// A truly open loop: request <c>n</c> is due at <c>n / rate</c> seconds and is sent then, whether
/// or not earlier ones have answered, so a slow hub meets the same arrivals a busy organisation
/// would send it. Latency counts from the moment a request was due (no coordinated omission).
/// A request due while <c>maxInFlight</c> are outstanding is not sent and counted as such: the
/// generator, not the hub, would otherwise become the queue.
/// </summary>
internal sealed class OpenLoop(double perSecond, TimeSpan duration, int maxInFlight)
{
    private readonly ConcurrentBag<Outcome> _outcomes = [];
    private int _inFlight;
    private int _notSent;

    public IReadOnlyCollection<Outcome> Outcomes => _outcomes;

    public int NotSent => _notSent;

    public int InFlight => Volatile.Read(ref _inFlight);

    public int Done => _outcomes.Count;

    /// <summary>Sends until the duration is over, then waits up to <paramref name="drain"/> for the answers still outstanding.</summary>
    public async Task RunAsync(Func<long, Task<(string Route, bool Writes, int Status)>> send, TimeSpan drain)
    {
        var clock = Stopwatch.StartNew();
        var outstanding = new ConcurrentDictionary<long, Task>();
        for (long number = 0; ; number++)
        {
            var due = TimeSpan.FromSeconds(number / perSecond);
            if (due >= duration)
            {
                break;
            }

            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed);
            }

            if (Interlocked.Increment(ref _inFlight) > maxInFlight)
            {
                Interlocked.Decrement(ref _inFlight);
                Interlocked.Increment(ref _notSent);
                continue;
            }

            var request = number;
            outstanding[request] = Task.Run(async () =>
            {
                try
                {
                    var (route, writes, status) = await send(request);
                    _outcomes.Add(new Outcome(route, writes, status, (clock.Elapsed - due).TotalMilliseconds));
                }
                finally
                {
                    Interlocked.Decrement(ref _inFlight);
                    outstanding.TryRemove(request, out _);
                }
            });
        }

        await Task.WhenAny(Task.WhenAll(outstanding.Values), Task.Delay(drain));
    }
}
