using System.Text.Json;
using KnowledgeHub.Testing;

namespace KnowledgeHub.Reliability.Tests;

/// <summary>
/// The few lines that tell, after a failed audit, a hub that was slow from one that had stopped:
/// each read guarded, so a broker or process that is still away shows as such instead of hiding the counts.
/// </summary>
internal static class HubDiagnosis
{
    private const int LineLength = 400;

    private const string HealthCheckCategory = "\"Category\":\"Microsoft.Extensions.Diagnostics.HealthChecks.";

    /// <summary>The process's answer to <c>/health/ready</c>, on one line.</summary>
    public static async Task<string> ReadinessAsync(HubProcess process)
    {
        try
        {
            using var client = new HttpClient { BaseAddress = process.Url, Timeout = TimeSpan.FromSeconds(5) };
            using var response = await client.GetAsync("/health/ready");
            using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var unhealthy = report.RootElement.GetProperty("checks").EnumerateArray()
                .Where(check => check.GetProperty("status").GetString() != "Healthy")
                .Select(check => $"{check.GetProperty("name").GetString()} {check.GetProperty("status").GetString()}: {check.GetProperty("description").GetString()}");
            return Shorten($"{process.Name} /health/ready {(int)response.StatusCode}; {string.Join("; ", unhealthy.DefaultIfEmpty("every check healthy"))}");
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or JsonException or KeyNotFoundException)
        {
            return $"{process.Name} /health/ready did not answer: {exception.Message}";
        }
    }

    /// <summary>The process's last <paramref name="count"/> warnings and errors, oldest first (failed health checks left out: <see cref="ReadinessAsync"/> says what they say).</summary>
    public static IEnumerable<string> RecentWarnings(HubProcess process, int count) =>
        process.OutputLines
            .Where(line => !line.Contains(HealthCheckCategory, StringComparison.Ordinal))
            .Select(Warning)
            .OfType<string>()
            .TakeLast(count)
            .Select(line => Shorten($"{process.Name} {line}"));

    /// <summary>Runs <paramref name="read"/>, or says why it could not.</summary>
    public static async Task<IEnumerable<string>> GuardedAsync(string what, Func<Task<IEnumerable<string>>> read)
    {
        try
        {
            return await read();
        }
        catch (Exception exception)
        {
            return [$"{what}: could not be read ({exception.GetType().Name}: {exception.Message})"];
        }
    }

    private static string? Warning(string line)
    {
        if (!line.StartsWith('{'))
        {
            return null;
        }

        try
        {
            using var entry = JsonDocument.Parse(line);
            var root = entry.RootElement;
            var level = root.TryGetProperty("LogLevel", out var value) ? value.GetString() : null;
            return level is "Warning" or "Error" or "Critical"
                ? $"{root.GetProperty("Timestamp").GetString()?.Trim()} {level} {root.GetProperty("Category").GetString()}: {root.GetProperty("Message").GetString()}"
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Shorten(string line)
    {
        var flat = line.ReplaceLineEndings(" ");
        return flat.Length <= LineLength ? flat : flat[..LineLength] + "…";
    }
}
