using System.Globalization;

namespace KnowledgeHub.Benchmarks.Load;

/// <summary>
/// What a process's threads did over a stretch, from Linux's per-thread scheduler statistics
/// (<c>/proc/PID/task/*/schedstat</c>: time on a CPU, time runnable but waiting for one). Threads
/// that end within the stretch are not counted.
/// </summary>
internal sealed class CpuShare
{
    private readonly Dictionary<string, (long OnCpu, long Waiting)> _threads;

    private CpuShare(Dictionary<string, (long OnCpu, long Waiting)> threads) => _threads = threads;

    public static CpuShare Of(int processId)
    {
        var threads = new Dictionary<string, (long OnCpu, long Waiting)>(StringComparer.Ordinal);
        foreach (var task in Directory.EnumerateDirectories($"/proc/{processId}/task"))
        {
            try
            {
                var fields = File.ReadAllText(Path.Combine(task, "schedstat")).Split(' ');
                threads[Path.GetFileName(task)] = (long.Parse(fields[0], CultureInfo.InvariantCulture), long.Parse(fields[1], CultureInfo.InvariantCulture));
            }
            catch (IOException)
            {
                // The thread ended while being read.
            }
        }

        return new CpuShare(threads);
    }

    /// <summary>Per request, from <paramref name="before"/> to now, over the threads alive now.</summary>
    public string PerRequestSince(CpuShare before, int requests)
    {
        long onCpu = 0, waiting = 0;
        foreach (var (thread, now) in _threads)
        {
            var then = before._threads.GetValueOrDefault(thread);
            onCpu += now.OnCpu - then.OnCpu;
            waiting += now.Waiting - then.Waiting;
        }

        return string.Create(
            CultureInfo.InvariantCulture,
            $"{onCpu / 1e6 / requests:0.00} ms on a CPU and {waiting / 1e6 / requests:0.00} ms waiting for one per request");
    }
}
