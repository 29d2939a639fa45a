using System.Diagnostics;
using System.Globalization;

namespace KnowledgeHub.Benchmarks.Load;

/// <summary>
/// CPU and memory of the hub's processes when it runs on this machine (Linux <c>/proc</c>): every
/// <c>KnowledgeHub.*.dll</c> process but this one, and PostgreSQL and RabbitMQ, each of those two
/// summed over its processes. CPU is the share of one core over a stretch (200 % is two cores busy);
/// memory is proportional (PSS) where the kernel reports it, resident otherwise.
/// </summary>
internal sealed class LocalProcesses
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    private readonly Dictionary<string, (double Ticks, double Megabytes)> _byName;
    private readonly long _at = Stopwatch.GetTimestamp();

    private LocalProcesses(Dictionary<string, (double Ticks, double Megabytes)> byName) => _byName = byName;

    public static LocalProcesses Now()
    {
        var byName = new Dictionary<string, (double Ticks, double Megabytes)>(StringComparer.Ordinal);
        if (!OperatingSystem.IsLinux())
        {
            return new LocalProcesses(byName);
        }

        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var id) || id == Environment.ProcessId)
            {
                continue;
            }

            try
            {
                if (NameOf(File.ReadAllText(Path.Combine(directory, "cmdline")).Split('\0')) is not { } name)
                {
                    continue;
                }

                // Fields 14 and 15 of stat, after the parenthesised command: user and system time in ticks.
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var ticks = double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture);
                var megabytes = ProportionalMegabytes(directory) ?? Hubs.ResidentMegabytes(id);
                var known = byName.GetValueOrDefault(name);
                byName[name] = (known.Ticks + ticks, known.Megabytes + megabytes);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                // The process ended while being read, or is not ours to read.
            }
        }

        return new LocalProcesses(byName);
    }

    /// <summary>Per process: CPU since <paramref name="before"/> and resident memory now, busiest first.</summary>
    public IReadOnlyList<(string Name, double CpuPercent, double Megabytes)> Since(LocalProcesses before)
    {
        var seconds = Stopwatch.GetElapsedTime(before._at, _at).TotalSeconds;
        return [.. _byName
            .Select(pair => (pair.Key, (pair.Value.Ticks - before._byName.GetValueOrDefault(pair.Key).Ticks) / TicksPerSecond / seconds * 100, pair.Value.Megabytes))
            .OrderByDescending(process => process.Item2)];
    }

    /// <summary>
    /// Memory with shared pages divided among the processes sharing them (PSS): PostgreSQL's shared
    /// buffers would otherwise count once per connection. Null where the kernel does not say.
    /// </summary>
    private static double? ProportionalMegabytes(string directory)
    {
        var path = Path.Combine(directory, "smaps_rollup");
        if (!File.Exists(path))
        {
            return null;
        }

        var line = File.ReadLines(path).FirstOrDefault(line => line.StartsWith("Pss:", StringComparison.Ordinal));
        return line is null ? null : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }

    private static string? NameOf(string[] commandLine)
    {
        if (commandLine.Any(argument => argument.EndsWith("KnowledgeHub.Benchmarks.dll", StringComparison.Ordinal)))
        {
            return null;
        }

        // dotnet KnowledgeHub.X.dll, or the apphost KnowledgeHub.X that dotnet run starts (not dotnet run itself).
        if (commandLine.Where((argument, index) => index == 0 || argument.EndsWith(".dll", StringComparison.Ordinal))
                .FirstOrDefault(argument => Path.GetFileName(argument).StartsWith("KnowledgeHub.", StringComparison.Ordinal)) is { } assembly)
        {
            return Path.GetFileName(assembly)["KnowledgeHub.".Length..].Replace(".dll", "", StringComparison.Ordinal);
        }

        var program = Path.GetFileName(commandLine[0].Split(' ')[0]);
        return program.StartsWith("postgres", StringComparison.Ordinal) ? "PostgreSQL"
            : program == "beam.smp" ? "RabbitMQ"
            : null;
    }
}
