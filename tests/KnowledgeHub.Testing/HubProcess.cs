using System.Collections.Concurrent;
using System.Diagnostics;
using KnowledgeHub.Messaging.Monitoring;

namespace KnowledgeHub.Testing;

/// <summary>
/// One host of the hub running as a real process on loopback, with its output kept for the
/// failure message. Stop sends SIGTERM (graceful); Kill sends SIGKILL.
/// </summary>
public sealed class HubProcess : IAsyncDisposable
{
    private readonly string _assemblyPath;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly ConcurrentQueue<string> _output = new();
    private Process? _process;
    private volatile bool _endRequested;

    public HubProcess(string name, string assemblyPath, int port, IReadOnlyDictionary<string, string> environment)
    {
        Name = name;
        _assemblyPath = assemblyPath;
        Url = new Uri($"http://127.0.0.1:{port}");
        _environment = environment;
    }

    public string Name { get; }

    public Uri Url { get; }

    public int? ProcessId => _process is { HasExited: false } process ? process.Id : null;

    /// <summary>A setting the process was started with (from its environment), or null.</summary>
    public string? Setting(string key) => _environment.GetValueOrDefault(key);

    public string RecentOutput => string.Join('\n', _output.TakeLast(60));

    /// <summary>The last 2000 lines the process wrote, oldest first.</summary>
    public IReadOnlyList<string> OutputLines => [.. _output];

    /// <summary>
    /// Another instance of the same host (not started): the same settings on a port of its own, with
    /// its own data folder, so whatever lives there (a Lucene index, say) is its own.
    /// </summary>
    public HubProcess Sibling(string name, string dataPath) =>
        new(name, _assemblyPath, LoopbackPorts.Unused(), new Dictionary<string, string>(_environment) { ["KnowledgeHub__DataPath"] = dataPath });

    /// <summary>Starts the process; again after it was stopped or killed, on the same port and settings.</summary>
    public void Start()
    {
        _endRequested = false;
        _process?.Dispose();
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(_assemblyPath)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(_assemblyPath);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(Url.ToString().TrimEnd('/'));
        foreach (var (key, value) in _environment)
        {
            start.Environment[key] = value;
        }

        var process = _process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Name}.");
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => OnExited(process);
        process.OutputDataReceived += (_, line) => Keep(line.Data);
        process.ErrorDataReceived += (_, line) => Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>
    /// A process that ends without the test asking: one that exits with <see cref="ProcessExitCodes.StartAgain"/>
    /// is started again, as compose and Kubernetes do in a deployment (docs/adr/0085); any other exit is
    /// noted in its output (for the failure message and CI's summary of the hub logs: it explains every
    /// test after it that finds its service gone) and left for the test to see.
    /// </summary>
    private void OnExited(Process exited)
    {
        int exitCode;
        try
        {
            exitCode = exited.ExitCode;
        }
        catch (InvalidOperationException)
        {
            return; // Disposed by a Start of the test's own: not an exit of its choosing.
        }

        if (_endRequested || !ReferenceEquals(exited, _process))
        {
            return;
        }

        if (exitCode == ProcessExitCodes.StartAgain)
        {
            Keep($"[test harness] {Name} exited with code {ProcessExitCodes.StartAgain} to be started again: starting it.");
            _ = Task.Run(Start);
        }
        else
        {
            Keep($"[test harness] {Name} exited on its own with code {exitCode}.");
        }
    }

    /// <summary>Waits until <c>/health/ready</c> answers 200.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            await Eventually.AssertAsync(
                async () =>
                {
                    if (_process is null || _process.HasExited)
                    {
                        throw new InvalidOperationException($"{Name} exited with code {_process?.ExitCode}.");
                    }

                    using var response = await client.GetAsync("/health/ready");
                    return response.IsSuccessStatusCode;
                },
                timeout,
                $"{Name} to be ready");
        }
        catch (TimeoutException exception)
        {
            throw new TimeoutException($"{exception.Message}\n--- {Name} output ---\n{RecentOutput}", exception);
        }
    }

    /// <summary>Whether <c>/health/ready</c> answers 200 right now (false when the process does not answer).</summary>
    public async Task<bool> IsReadyAsync()
    {
        using var client = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await client.GetAsync("/health/ready");
            return response.IsSuccessStatusCode;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>Waits for a process that should end on its own (a start that must fail, say); null when it is still running.</summary>
    public async Task<int?> WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process!.WaitForExitAsync(deadline.Token);
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>SIGTERM, then SIGKILL if it has not finished within <paramref name="grace"/>; true when it ended by itself in time.</summary>
    public async Task<bool> StopAsync(TimeSpan grace)
    {
        if (_process is not { HasExited: false } process)
        {
            return true;
        }

        _endRequested = true;
        await ProcessRunner.RunAsync("/bin/kill", $"-TERM {process.Id}", TimeSpan.FromSeconds(5));
        using var deadline = new CancellationTokenSource(grace);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return false;
        }
    }

    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            _endRequested = true;
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>
    /// Stops the process; when <c>KNOWLEDGEHUB_TEST_LOGS</c> names a folder, keeps its output there
    /// (CI prints the warnings and errors of a failed run from it: the processes are gone by then).
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        var processId = _process?.Id;
        await StopAsync(TimeSpan.FromSeconds(10));
        _process?.Dispose();
        if (processId is not null && Environment.GetEnvironmentVariable("KNOWLEDGEHUB_TEST_LOGS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await File.WriteAllLinesAsync(Path.Combine(folder, $"{Name}-{processId}.log"), OutputLines);
        }
    }

    /// <summary>
    /// The whole hub as one process, as <c>dotnet run --project gateway/KnowledgeHub.Gateway</c> starts it,
    /// on a port and data folder of its own; later settings win over earlier ones. Not started yet.
    /// </summary>
    public static HubProcess Standalone(string dataPath, params IEnumerable<(string Key, string Value)> settings)
    {
        var environment = new Dictionary<string, string> { ["KnowledgeHub__DataPath"] = dataPath };
        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }

        return new HubProcess("standalone", DistributedHub.GatewayAssembly(), LoopbackPorts.Unused(), environment);
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 2000 && _output.TryDequeue(out _))
        {
        }
    }
}
