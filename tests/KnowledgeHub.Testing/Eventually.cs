namespace KnowledgeHub.Testing;

/// <summary>Waits for an eventually consistent outcome instead of sleeping a guessed time.</summary>
public static class Eventually
{
    // Asked again soon at first, then less and less often: most outcomes arrive within a few hundred
    // milliseconds, and a probe that keeps asking every 50 ms through a long wait (a hub catching up
    // after an outage) takes CPU from the very processes it waits for.
    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan LongestPause = TimeSpan.FromMilliseconds(250);

    /// <summary>Retries <paramref name="probe"/> until it returns a value or the timeout passes; then fails with the last attempt's exception.</summary>
    public static async Task<T> GetAsync<T>(Func<Task<T?>> probe, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        var pause = FirstPause;
        Exception? last = null;
        while (true)
        {
            try
            {
                if (await probe() is { } value)
                {
                    return value;
                }
            }
            catch (Exception exception)
            {
                // A probe's own timeout is a failed attempt, not the end of waiting.
                last = exception;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"Waited {timeout.TotalSeconds:0.#} s for {what}.", last);
            }

            // The last attempt falls on the deadline, not after it.
            await Task.Delay(left < pause ? left : pause);
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 3 / 2, LongestPause.Ticks));
        }
    }

    public static Task AssertAsync(Func<Task<bool>> condition, TimeSpan timeout, string what) =>
        GetAsync<object>(async () => await condition() ? new object() : null, timeout, what);

    /// <summary>Whether <paramref name="condition"/> comes true within the timeout, for a test that expects it may not.</summary>
    public static async Task<bool> WithinAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        try
        {
            await AssertAsync(condition, timeout, "the condition");
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>Waits until <paramref name="actual"/> reads <paramref name="expected"/>; a timeout names the value it last read.</summary>
    public static async Task EqualAsync<T>(T expected, Func<Task<T>> actual, TimeSpan timeout, string what)
    {
        var last = default(T);
        try
        {
            await AssertAsync(async () => EqualityComparer<T>.Default.Equals(last = await actual(), expected), timeout, what);
        }
        catch (TimeoutException timedOut)
        {
            throw new TimeoutException($"{timedOut.Message} Expected {expected}, last read {last}.", timedOut.InnerException);
        }
    }
}
