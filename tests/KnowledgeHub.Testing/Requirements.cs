using System.Net.Sockets;
using Xunit;

namespace KnowledgeHub.Testing;

/// <summary>
/// What some tests need beyond the .NET SDK, one method per prerequisite. Each returns null when
/// the prerequisite is there, otherwise the reason a test skips with: "Needs X: what is missing.
/// What to install or set." A test or fixture passes that reason to <see cref="SkipUnlessMet"/>.
/// <para>
/// <c>KNOWLEDGEHUB_TEST_HIDE</c>, a comma list of <see cref="Hideable"/> names, makes a
/// prerequisite look absent even when it is installed, so the skip path can be run on purpose:
/// <c>KNOWLEDGEHUB_TEST_HIDE=chromium,axe-core,postgresql,rabbitmq dotnet test …</c>.
/// </para>
/// </summary>
public static class Requirements
{
    public const string HideVariable = "KNOWLEDGEHUB_TEST_HIDE";
    public const string ChromiumVariable = "KNOWLEDGEHUB_TEST_CHROMIUM";
    public const string AxeCoreVariable = "KNOWLEDGEHUB_TEST_AXE_CORE";
    public const string ElasticsearchVariable = "KNOWLEDGEHUB_TEST_ELASTICSEARCH_URL";
    public const string SmtpVariable = "KNOWLEDGEHUB_TEST_SMTP";

    /// <summary>The names <see cref="HideVariable"/> understands.</summary>
    public static readonly IReadOnlyList<string> Hideable = ["postgresql", "rabbitmq", "chromium", "axe-core", "elasticsearch", "smtp", "oidc"];

    /// <summary>
    /// Debian's headless shell first: the same Blink as the browser without the desktop browser
    /// around it, what Playwright itself runs for headless Chromium; the browser suite spends 40 % less
    /// CPU in it than in the full browser (ADR 0100). The full browser when only that is installed.
    /// </summary>
    private static readonly string[] DefaultChromiums = ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium"];

    /// <summary>Skips the calling test with <paramref name="reason"/> unless it is null; the reason is counted for <see cref="SkipReasons"/>.</summary>
    public static void SkipUnlessMet(string? reason)
    {
        if (reason is not null)
        {
            SkipReasons.Record(reason);
            Assert.Skip(reason);
        }
    }

    /// <summary>The local PostgreSQL (started if installed but stopped); see <see cref="PostgresServer"/>.</summary>
    public static async Task<string?> PostgresAsync() =>
        Hidden("postgresql", "PostgreSQL") ?? await PostgresServer.StartedReasonAsync();

    /// <summary>The local RabbitMQ (started if installed but stopped); see <see cref="RabbitMqServer"/>.</summary>
    public static async Task<string?> RabbitMqAsync() =>
        Hidden("rabbitmq", "RabbitMQ") ?? await RabbitMqServer.StartedReasonAsync();

    /// <summary>The browser <c>KNOWLEDGEHUB_TEST_CHROMIUM</c> names, else Debian's Chromium headless shell or browser, whichever is installed.</summary>
    public static string ChromiumPath => Setting(ChromiumVariable) ?? DefaultChromiums.FirstOrDefault(File.Exists) ?? DefaultChromiums[0];

    public static string? Chromium() =>
        Hidden("chromium", "Chromium")
        ?? (File.Exists(ChromiumPath) ? null : $"Needs Chromium: {ChromiumPath} does not exist. apt-get install chromium-headless-shell (or chromium), or set {ChromiumVariable} to a Chromium binary.");

    /// <summary>
    /// axe-core's script: <c>node_modules/axe-core/axe.min.js</c> in <paramref name="projectFolder"/>
    /// (building the project runs <c>npm ci</c> there when npm is installed), or the file <c>KNOWLEDGEHUB_TEST_AXE_CORE</c> names.
    /// </summary>
    public static string AxeCorePath(string projectFolder) =>
        Setting(AxeCoreVariable) ?? Path.Combine(projectFolder, "node_modules", "axe-core", "axe.min.js");

    public static string? AxeCore(string projectFolder) =>
        Hidden("axe-core", "axe-core")
        ?? (File.Exists(AxeCorePath(projectFolder))
            ? null
            : $"Needs axe-core: {AxeCorePath(projectFolder)} does not exist. Install npm (apt-get install npm) and build the test project again, which runs 'npm ci'; or set {AxeCoreVariable} to axe.min.js.");

    /// <summary>An Elasticsearch 9.x server named by <c>KNOWLEDGEHUB_TEST_ELASTICSEARCH_URL</c>; none runs on this machine.</summary>
    public static Uri? ElasticsearchUrl => IsHidden("elasticsearch") || Setting(ElasticsearchVariable) is not { } url ? null : new Uri(url);

    public static string? Elasticsearch() =>
        ElasticsearchUrl is null
            ? $"Needs Elasticsearch: no server. Set {ElasticsearchVariable} (for example http://localhost:9200) to run these tests on one."
            : null;

    /// <summary>An SMTP server, <c>host:port</c> in <c>KNOWLEDGEHUB_TEST_SMTP</c>, that answers on that port.</summary>
    public static (string Host, int Port)? SmtpServer => Setting(SmtpVariable) is { } value && value.LastIndexOf(':') is var colon and > 0
        && int.TryParse(value[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture, out var port)
            ? (value[..colon], port)
            : null;

    public static Task<string?> SmtpAsync() =>
        ServerAsync("smtp", "an SMTP server", SmtpVariable, SmtpServer, "host:port of a server that accepts mail (a local test server will do)");

    /// <summary>
    /// The test OpenID Connect provider (tests/KnowledgeHub.OidcProvider, <see cref="OidcProvider"/>):
    /// built with the tests and started by them, so it is only missing when hidden.
    /// </summary>
    public static string? Oidc() => Hidden("oidc", "the test OpenID Connect provider");

    /// <summary>True when <c>KNOWLEDGEHUB_TEST_HIDE</c> lists <paramref name="name"/>.</summary>
    public static bool IsHidden(string name) =>
        (Environment.GetEnvironmentVariable(HideVariable) ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Contains(name, StringComparer.OrdinalIgnoreCase);

    /// <summary>The skip reason when <c>KNOWLEDGEHUB_TEST_HIDE</c> lists <paramref name="name"/>, else null.</summary>
    public static string? Hidden(string name, string what) =>
        IsHidden(name) ? $"Needs {what}: hidden by {HideVariable}={Environment.GetEnvironmentVariable(HideVariable)}. Remove '{name}' from it to run these tests." : null;

    /// <summary>A server named by a setting: hidden, not named, not answering, or there (null).</summary>
    private static async Task<string?> ServerAsync(string name, string what, string variable, (string Host, int Port)? address, string expected)
    {
        if (Hidden(name, what) is { } hidden)
        {
            return hidden;
        }

        return address is not { } server
            ? $"Needs {what}: set {variable} to {expected}."
            : await AnswersAsync(server.Host, server.Port) ? null
            : $"Needs {what}: {server.Host}:{server.Port} ({variable}) does not answer. Start it, or unset {variable}.";
    }

    private static string? Setting(string variable) => Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value ? value : null;

    /// <summary>True when something accepts a TCP connection on the port within two seconds.</summary>
    internal static async Task<bool> AnswersAsync(string host, int port)
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await client.ConnectAsync(host, port, timeout.Token);
            return true;
        }
        catch (Exception exception) when (exception is SocketException or OperationCanceledException)
        {
            return false;
        }
    }
}
