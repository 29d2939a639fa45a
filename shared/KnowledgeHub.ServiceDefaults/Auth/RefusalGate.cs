using System.Collections.Concurrent;

namespace KnowledgeHub.ServiceDefaults.Auth;

/// <summary>
/// Lets the first refusal of each kind through per <see cref="Window"/> and counts the rest, so an
/// attacker who sends thousands a second leaves one record a minute per kind (ADR 0073).
/// </summary>
public sealed class RefusalGate(TimeProvider time)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<(string Action, string Reason), Tally> _tallies = new();

    /// <summary>True for the first of its kind in the window, with how many were held back since the last one through.</summary>
    public bool TryPass(string action, string reason, out long heldBack)
    {
        var now = time.GetUtcNow();
        var tally = _tallies.GetOrAdd((action, reason), _ => new Tally());
        lock (tally)
        {
            if (tally.PassedAt is { } last && now - last < Window)
            {
                tally.Since++;
                heldBack = 0;
                return false;
            }

            (heldBack, tally.Since, tally.PassedAt) = (tally.Since, 0, now);
            return true;
        }
    }

    private sealed class Tally
    {
        public DateTimeOffset? PassedAt { get; set; }

        public long Since { get; set; }
    }
}
