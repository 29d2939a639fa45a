using System.Collections.Concurrent;
using Xunit;

namespace KnowledgeHub.Testing;

/// <summary>
/// Counts why tests skipped (<see cref="Requirements.SkipUnlessMet"/>) and, when a test assembly
/// ends, says it once per reason ("Skipped 31: Needs PostgreSQL: …"), so a run on a machine that
/// lacks something names what is missing without a verbose logger. An assembly fixture of every
/// test assembly (tests/Directory.Build.props); shown because tests/xunit.runner.json turns on
/// diagnostic messages.
/// </summary>
public sealed class SkipReasons : IAsyncDisposable
{
    private static readonly ConcurrentDictionary<string, int> Counts = new();

    internal static void Record(string reason) => Counts.AddOrUpdate(reason, 1, (_, count) => count + 1);

    public ValueTask DisposeAsync()
    {
        foreach (var (reason, count) in Counts.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal))
        {
            TestContext.Current.SendDiagnosticMessage($"Skipped {count}: {reason}");
        }

        return ValueTask.CompletedTask;
    }
}
