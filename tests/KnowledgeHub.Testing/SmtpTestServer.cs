using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace KnowledgeHub.Testing;

/// <summary>
/// A real SMTP server for e-mail tests: smtp4dev (the <c>Rnwood.Smtp4dev</c> dotnet tool), started
/// by the test on free ports with an in-memory mailbox that its web API reads back. Or a running one:
/// <c>KNOWLEDGEHUB_TEST_SMTP</c> (its SMTP <c>host:port</c>) with <c>KNOWLEDGEHUB_TEST_SMTP_WEB</c>
/// (its web address, whose API the tests read the mailbox through).
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    public const string ToolVariable = "KNOWLEDGEHUB_TEST_SMTP4DEV";
    public const string WebVariable = "KNOWLEDGEHUB_TEST_SMTP_WEB";

    private readonly Process? _process;
    private readonly string? _folder;
    private readonly HttpClient _web;

    private SmtpTestServer(string host, int port, Uri web, Process? process = null, string? folder = null)
    {
        Host = host;
        Port = port;
        _process = process;
        _folder = folder;
        _web = new HttpClient { BaseAddress = web, Timeout = TimeSpan.FromSeconds(10) };
    }

    public string Host { get; }

    public int Port { get; }

    /// <summary>The tool: <c>KNOWLEDGEHUB_TEST_SMTP4DEV</c>, else the global dotnet tool (<c>dotnet tool install -g Rnwood.Smtp4dev</c>).</summary>
    public static string ToolPath =>
        Environment.GetEnvironmentVariable(ToolVariable) is { Length: > 0 } path
            ? path
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "tools", "smtp4dev");

    /// <summary>Null when a server can be had, otherwise the reason a test skips with.</summary>
    public static async Task<string?> UnavailableReasonAsync()
    {
        if (Requirements.SmtpServer is not null)
        {
            return await Requirements.SmtpAsync()
                ?? (Environment.GetEnvironmentVariable(WebVariable) is { Length: > 0 }
                    ? null
                    : $"Needs smtp4dev's web address: {Requirements.SmtpVariable} is set, so set {WebVariable} (e.g. http://localhost:5080) for the tests to read its mailbox.");
        }

        return ToolUnavailableReason();
    }

    /// <summary>Null when the tool is installed, so a test can start (and stop) a server of its own; otherwise why not.</summary>
    public static string? ToolUnavailableReason() =>
        Requirements.Hidden("smtp", "an SMTP server")
        ?? (File.Exists(ToolPath) ? null : $"Needs smtp4dev: it is not installed at {ToolPath}. dotnet tool install -g Rnwood.Smtp4dev --version 3.15.0, or set {ToolVariable} to its binary.");

    /// <summary>The configured server, or a new smtp4dev; <paramref name="smtpPort"/> picks its SMTP port (a free one when null).</summary>
    public static async Task<SmtpTestServer> StartAsync(int? smtpPort = null, bool own = false)
    {
        if (!own && Requirements.SmtpServer is { } configured)
        {
            return new SmtpTestServer(configured.Host, configured.Port, new Uri(Environment.GetEnvironmentVariable(WebVariable)!));
        }

        var port = smtpPort ?? LoopbackPorts.Unused();
        var webPort = LoopbackPorts.Unused();
        var data = Directory.CreateTempSubdirectory("kh-smtp4dev-").FullName;
        var process = Process.Start(new ProcessStartInfo(ToolPath)
        {
            ArgumentList =
            {
                $"--urls=http://127.0.0.1:{webPort}", $"--smtpport={port}", "--imapport=0", "--pop3port=0", "--db=", "--nousersettings",
                $"--baseappdatapath={data}", "--bindaddress=127.0.0.1", "--messagestokeep=100000",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException($"{ToolPath} did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new SmtpTestServer("127.0.0.1", port, new Uri($"http://127.0.0.1:{webPort}"), process, data);
        await Eventually.AssertAsync(
            async () => !process.HasExited && await Requirements.AnswersAsync("127.0.0.1", port) && (await server._web.GetAsync("/api/messages")).IsSuccessStatusCode,
            TimeSpan.FromSeconds(60),
            $"smtp4dev to listen on {port}");
        return server;
    }

    /// <summary>The raw source (headers and MIME parts) of every message received for <paramref name="address"/>.</summary>
    public async Task<IReadOnlyList<string>> MessagesToAsync(string address)
    {
        var list = await _web.GetFromJsonAsync<JsonNode>("/api/messages?pageSize=100000");
        var sources = new List<string>();
        foreach (var message in list!["results"]!.AsArray())
        {
            if (message!["to"]!.AsArray().Any(to => string.Equals(to!.GetValue<string>(), address, StringComparison.OrdinalIgnoreCase)))
            {
                sources.Add(await _web.GetStringAsync($"/api/messages/{message["id"]!.GetValue<string>()}/raw"));
            }
        }

        return sources;
    }

    /// <summary>Stops the server (when the test started it), as an outage would.</summary>
    public async ValueTask DisposeAsync()
    {
        _web.Dispose();
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        if (_folder is not null)
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
