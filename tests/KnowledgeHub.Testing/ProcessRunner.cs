using System.Diagnostics;

namespace KnowledgeHub.Testing;

/// <summary>Runs a command to completion with a deadline; used to start and stop local database and broker servers.</summary>
public static class ProcessRunner
{
    public sealed record Outcome(int ExitCode, string Output);

    public static bool IsInstalled(string path) => File.Exists(path);

    public static async Task<Outcome> RunAsync(string fileName, string arguments, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return new Outcome(-1, $"{fileName} {arguments} did not finish within {timeout}.");
        }

        return new Outcome(process.ExitCode, await output + await errors);
    }

    /// <summary>Runs a command that must succeed; a non-zero exit throws with the command's output.</summary>
    public static async Task<string> RunOrThrowAsync(string fileName, string arguments, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        var outcome = await RunAsync(fileName, arguments, timeout, environment);
        return outcome.ExitCode == 0
            ? outcome.Output
            : throw new InvalidOperationException($"{fileName} {arguments} failed ({outcome.ExitCode}): {outcome.Output}");
    }

    public static bool IsRoot => Environment.UserName == "root";
}
