namespace KnowledgeHub.Testing;

/// <summary>
/// The local RabbitMQ the tests use: started if it is installed but stopped, and a fresh virtual
/// host per test fixture so fixtures never see each other's queues.
/// Override the broker with <c>KNOWLEDGEHUB_TEST_RABBITMQ</c> (an amqp:// URL of a broker whose vhosts you manage).
/// </summary>
public static class RabbitMqServer
{
    private const string ServerScript = "/usr/sbin/rabbitmq-server";
    private const string Control = "/usr/sbin/rabbitmqctl";
    private static readonly Lazy<Task<string?>> WhyUnavailable = new(EnsureRunningAsync);

    public static Uri BrokerUrl { get; } = new(Environment.GetEnvironmentVariable("KNOWLEDGEHUB_TEST_RABBITMQ") ?? "amqp://guest:guest@127.0.0.1:5672/");

    /// <summary>Null when the broker is usable, otherwise why not (the reason a test skips with); <see cref="Requirements.RabbitMqAsync"/>.</summary>
    public static Task<string?> UnavailableReasonAsync() => Requirements.RabbitMqAsync();

    internal static Task<string?> StartedReasonAsync() => WhyUnavailable.Value;

    /// <summary>Creates a virtual host and returns the broker URL that selects it.</summary>
    public static async Task<string> CreateVirtualHostAsync(string purpose)
    {
        var name = $"kh-{purpose}-{Guid.NewGuid():N}"[..36];
        await ControlAsync($"add_vhost {name}");
        await ControlAsync($"set_permissions -p {name} guest \".*\" \".*\" \".*\"");
        return new Uri(BrokerUrl, name).ToString();
    }

    public static Task DeleteVirtualHostAsync(string url) =>
        ControlAsync($"delete_vhost {new Uri(url).AbsolutePath.Trim('/')}");

    /// <summary>Broker-wide operations for fault tests: <c>stop_app</c>, <c>start_app</c>, <c>list_queues</c>…</summary>
    public static Task<string> ControlAsync(string arguments) => ProcessRunner.RunOrThrowAsync(Control, arguments, TimeSpan.FromSeconds(60));

    private static async Task<string?> EnsureRunningAsync()
    {
        if (await PortOpenAsync())
        {
            return null;
        }

        if (!ProcessRunner.IsInstalled(ServerScript))
        {
            return $"Needs RabbitMQ: it is not installed (no {ServerScript}) and {BrokerUrl.Host}:{BrokerUrl.Port} does not answer. apt-get install rabbitmq-server, or set KNOWLEDGEHUB_TEST_RABBITMQ to a broker's amqp:// URL.";
        }

        await ProcessRunner.RunAsync(ServerScript, "-detached", TimeSpan.FromSeconds(30));
        var started = await ProcessRunner.RunAsync(Control, "await_startup --timeout 90", TimeSpan.FromSeconds(100));
        return started.ExitCode == 0 && await PortOpenAsync()
            ? null
            : $"Needs RabbitMQ: it is installed but did not start ({started.Output.Trim().Split('\n')[^1]}). Start it with rabbitmq-server -detached.";
    }

    private static Task<bool> PortOpenAsync() => Requirements.AnswersAsync(BrokerUrl.Host, BrokerUrl.Port);
}
