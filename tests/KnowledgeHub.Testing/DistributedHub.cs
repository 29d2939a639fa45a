namespace KnowledgeHub.Testing;

/// <summary>
/// The distributed topology on this machine: the service hosts and the gateway as separate
/// processes over the local RabbitMQ (a virtual host of their own) and PostgreSQL (a database
/// per service), or over other <see cref="IHubBackends"/> (the fault suite's private servers). The test project that uses it must reference the host projects so they are built.
/// A service may run as several instances (<c>instances: {["communities"] = 2}</c>): they share its
/// database and its queues (competing consumers), and the gateway balances over all of them.
/// </summary>
public sealed class DistributedHub : IAsyncDisposable
{
    public static readonly IReadOnlyList<string> ServiceNames = ["expertise", "communities", "alignment", "partnerships", "search", "notifications"];

    private readonly List<string> _databases = [];
    private readonly string _folder = Directory.CreateTempSubdirectory("kh-distributed-").FullName;
    private readonly IHubBackends _backends;
    private string? _broker;

    private DistributedHub(IHubBackends backends)
    {
        _backends = backends;
    }

    /// <summary>The first (or only) instance of each service.</summary>
    public IReadOnlyDictionary<string, HubProcess> Services => Instances.ToDictionary(pair => pair.Key, pair => pair.Value[0]);

    /// <summary>Every instance of each service.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<HubProcess>> Instances { get; private set; } = new Dictionary<string, IReadOnlyList<HubProcess>>();

    public HubProcess Gateway { get; private set; } = null!;

    public IEnumerable<HubProcess> All => Instances.Values.SelectMany(instances => instances).Append(Gateway);

    /// <summary>Null when PostgreSQL and RabbitMQ can be had, otherwise why not.</summary>
    public static async Task<string?> UnavailableReasonAsync() =>
        await PostgresServer.UnavailableReasonAsync() ?? await RabbitMqServer.UnavailableReasonAsync();

    /// <param name="instances">How many instances of a service to run (default one each).</param>
    /// <param name="serviceEnvironment">Extra settings for every service instance (log levels, say).</param>
    /// <param name="backends">Where the databases and the broker live; the machine's shared servers by default.</param>
    /// <param name="gatewayEnvironment">Extra settings for the gateway (its rate limits, say).</param>
    public static async Task<DistributedHub> StartAsync(
        IReadOnlyDictionary<string, int>? instances = null,
        IReadOnlyDictionary<string, string>? serviceEnvironment = null,
        IHubBackends? backends = null,
        IReadOnlyDictionary<string, string>? gatewayEnvironment = null)
    {
        var unknown = instances?.Keys.Except(ServiceNames).ToList() ?? [];
        if (unknown.Count > 0 || instances?.Values.Any(count => count < 1) == true)
        {
            throw new ArgumentException($"Instances are counted per service ({string.Join(", ", ServiceNames)}), at least one each.", nameof(instances));
        }

        var hub = new DistributedHub(backends ?? LocalBackends.Instance);
        try
        {
            await hub.StartProcessesAsync(
                instances ?? new Dictionary<string, int>(),
                serviceEnvironment ?? new Dictionary<string, string>(),
                gatewayEnvironment ?? new Dictionary<string, string>());
            return hub;
        }
        catch
        {
            await hub.DisposeAsync();
            throw;
        }
    }

    public HttpClient CreateGatewayClient() => new() { BaseAddress = Gateway.Url, Timeout = TimeSpan.FromSeconds(30) };

    public async ValueTask DisposeAsync()
    {
        foreach (var process in All.Where(process => process is not null).Reverse())
        {
            await process.DisposeAsync();
        }

        foreach (var database in _databases)
        {
            await _backends.DropDatabaseAsync(database);
        }

        if (_broker is not null)
        {
            await _backends.DeleteBrokerAsync(_broker);
        }

        Directory.Delete(_folder, recursive: true);
    }

    private async Task StartProcessesAsync(
        IReadOnlyDictionary<string, int> instanceCounts,
        IReadOnlyDictionary<string, string> serviceEnvironment,
        IReadOnlyDictionary<string, string> extraGatewayEnvironment)
    {
        _broker = await _backends.CreateBrokerAsync();
        var gatewayPort = LoopbackPorts.Unused();
        var instances = new Dictionary<string, IReadOnlyList<HubProcess>>();
        foreach (var name in ServiceNames)
        {
            var database = await _backends.CreateDatabaseAsync(name);
            _databases.Add(database);
            var count = instanceCounts.GetValueOrDefault(name, 1);
            instances[name] = [.. Enumerable.Range(1, count).Select(instance => new HubProcess(
                count == 1 ? name : $"{name}-{instance}",
                HostAssembly(name),
                LoopbackPorts.Unused(),
                // Each instance its own folder: what lives there (a Lucene index, say) is per process.
                ServiceSettings(name, Path.Combine(_folder, $"{name}-{instance}"), database, _backends.BrokerUrlFor(name, _broker), gatewayPort, serviceEnvironment)))];
        }

        var gatewayEnvironment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["KnowledgeHub__DataPath"] = Path.Combine(_folder, "gateway"),
            ["Auth__DevSignIn__Enabled"] = "true",
            // Tests and the gateway benchmark send far more than a person would; the limiter keeps
            // its place in the pipeline but has tests of its own (RateLimitTests).
            ["RateLimiting__PermitsPerSecond"] = "100000",
            ["RateLimiting__Burst"] = "100000",
        };
        foreach (var (key, value) in extraGatewayEnvironment)
        {
            gatewayEnvironment[key] = value;
        }

        foreach (var (name, serviceInstances) in instances)
        {
            gatewayEnvironment[$"Services__{name}__Urls"] = string.Join(',', serviceInstances.Select(instance => instance.Url));
        }

        Instances = instances;
        Gateway = new HubProcess("gateway", GatewayAssembly(), gatewayPort, gatewayEnvironment);

        foreach (var process in All)
        {
            process.Start();
        }

        await Task.WhenAll(All.Select(process => process.WaitUntilReadyAsync(TimeSpan.FromSeconds(90))));
    }

    /// <summary>
    /// What one process of <paramref name="service"/> runs with in the distributed topology: PostgreSQL,
    /// RabbitMQ, tokens from the gateway on <paramref name="gatewayPort"/>; <paramref name="extra"/> first,
    /// so these win.
    /// </summary>
    public static Dictionary<string, string> ServiceSettings(
        string service, string dataPath, string database, string brokerUrl, int gatewayPort, IReadOnlyDictionary<string, string>? extra = null) =>
        new(extra ?? new Dictionary<string, string>())
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["KnowledgeHub__DataPath"] = dataPath,
            ["Database__Provider"] = "Postgres",
            [$"ConnectionStrings__{service}"] = database,
            ["Messaging__Transport"] = "RabbitMq",
            ["Messaging__RabbitMqUrl"] = brokerUrl,
            ["Auth__Authority"] = $"http://127.0.0.1:{gatewayPort}",
            ["Auth__RequireHttpsMetadata"] = "false",
        };

    /// <summary>The built host assembly of a service, e.g. KnowledgeHub.Communities.Host.dll.</summary>
    public static string HostAssembly(string service)
    {
        var title = char.ToUpperInvariant(service[0]) + service[1..];
        return BuildOutput($"services/{title}/KnowledgeHub.{title}.Host", $"KnowledgeHub.{title}.Host.dll");
    }

    public static string GatewayAssembly() => BuildOutput("gateway/KnowledgeHub.Gateway", "KnowledgeHub.Gateway.dll");

    /// <summary>The same configuration's build output as the running tests (bin/Debug or bin/Release).</summary>
    public static string BuildOutput(string project, string assembly)
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testOutput.Name;
        var configuration = testOutput.Parent!.Name;
        var path = Path.Combine(RepositoryRoot.Path, project, "bin", configuration, framework, assembly);
        return File.Exists(path) ? path : throw new FileNotFoundException($"{assembly} is not built; the test project must reference {project}.", path);
    }
}
