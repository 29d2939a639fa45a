using KnowledgeHub.Testing;

namespace KnowledgeHub.Reliability.Tests.Servers;

/// <summary>
/// A RabbitMQ node of the fault suite's own (<c>khfaults-…@localhost</c>) on free loopback ports,
/// so <c>rabbitmqctl stop_app</c> hurts no other test project. Debian's scripts run the node as
/// the <c>rabbitmq</c> user, so its folder belongs to that user.
/// </summary>
public sealed class PrivateRabbitMq : IAsyncDisposable
{
    private const string ServerScript = "/usr/sbin/rabbitmq-server";
    private const string Control = "/usr/sbin/rabbitmqctl";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(150);
    private readonly string _folder;
    private readonly Dictionary<string, string> _environment;

    private PrivateRabbitMq(string folder, int amqpPort, int distributionPort)
    {
        _folder = folder;
        Node = $"khfaults-{Guid.NewGuid().ToString("N")[..8]}@localhost";
        AmqpPort = amqpPort;
        _environment = new Dictionary<string, string>
        {
            ["RABBITMQ_NODENAME"] = Node,
            ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_NODE_PORT"] = amqpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RABBITMQ_DIST_PORT"] = distributionPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RABBITMQ_MNESIA_BASE"] = Path.Combine(folder, "mnesia"),
            ["RABBITMQ_LOG_BASE"] = Path.Combine(folder, "log"),
            ["RABBITMQ_PID_FILE"] = Path.Combine(folder, "node.pid"),
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(folder, "enabled_plugins"),
        };
    }

    public string Node { get; }

    public int AmqpPort { get; }

    public string Url => $"amqp://guest:guest@127.0.0.1:{AmqpPort}/";

    /// <summary>Null when a private node can be started here, otherwise why not.</summary>
    public static string? UnavailableReason() =>
        Requirements.Hidden("rabbitmq", "RabbitMQ")
        ?? (!ProcessRunner.IsInstalled(ServerScript) ? "Needs RabbitMQ: it is not installed (no rabbitmq-server). apt-get install rabbitmq-server."
        : !ProcessRunner.IsRoot ? "Needs root: the fault suite starts a private RabbitMQ node (Debian's scripts switch to the rabbitmq user). Run the tests as root."
        : null);

    public static async Task<PrivateRabbitMq> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("kh-rabbitmq-").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "enabled_plugins"), "[].");
        await ProcessRunner.RunOrThrowAsync("/bin/chown", $"-R rabbitmq:rabbitmq {folder}", Timeout);
        var node = new PrivateRabbitMq(folder, LoopbackPorts.Unused(), LoopbackPorts.Unused());
        try
        {
            await ProcessRunner.RunOrThrowAsync(ServerScript, "-detached", Timeout, node._environment);
            await node.UntilStartedAsync();
            return node;
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }
    }

    /// <summary>The fault of scenario 1: the broker application stops (connections dropped, queues kept).</summary>
    public Task StopAppAsync() => ControlAsync("stop_app");

    public async Task StartAppAsync()
    {
        await ControlAsync("start_app");
        await UntilStartedAsync();
    }

    /// <summary>Ready-to-deliver message counts per queue.</summary>
    public async Task<IReadOnlyDictionary<string, int>> QueueDepthsAsync() =>
        (await QueueStatesAsync()).ToDictionary(queue => queue.Name, queue => queue.Ready);

    /// <summary>Every queue's ready and unacknowledged message counts and its consumers.</summary>
    public async Task<IReadOnlyList<QueueState>> QueueStatesAsync()
    {
        var output = await ControlAsync("list_queues name messages_ready messages_unacknowledged consumers --quiet --no-table-headers");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t', ' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(parts => parts.Length == 4 && parts[1..].All(part => int.TryParse(part, out _)))
            .Select(parts => new QueueState(parts[0], Count(parts[1]), Count(parts[2]), Count(parts[3])))
            .ToList();

        static int Count(string text) => int.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        await ProcessRunner.RunAsync(Control, $"-n {Node} stop", TimeSpan.FromSeconds(60), _environment);
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary><c>await_startup</c> fails at once while a new node has not yet registered with epmd: ask again until it waits.</summary>
    private Task UntilStartedAsync() =>
        Eventually.AssertAsync(
            async () => (await ProcessRunner.RunAsync(Control, $"-n {Node} await_startup --timeout 60", TimeSpan.FromSeconds(70), _environment)).ExitCode == 0,
            TimeSpan.FromSeconds(120),
            $"RabbitMQ node {Node} to start");

    private Task<string> ControlAsync(string arguments) => ProcessRunner.RunOrThrowAsync(Control, $"-n {Node} {arguments}", Timeout, _environment);
}

/// <summary>One queue as <c>rabbitmqctl list_queues</c> reports it.</summary>
public sealed record QueueState(string Name, int Ready, int Unacknowledged, int Consumers);
