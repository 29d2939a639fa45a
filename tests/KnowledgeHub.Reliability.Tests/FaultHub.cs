using System.Net;
using KnowledgeHub.Reliability.Tests.Servers;
using KnowledgeHub.Testing;
using Npgsql;
using Xunit;

namespace KnowledgeHub.Reliability.Tests;

/// <summary>
/// The distributed hub the fault scenarios run against: its real processes over a PostgreSQL
/// cluster and a RabbitMQ node of the suite's own (stopping them hurts no other test project), with
/// fault proxies on the Communities-database and Search-broker links, and Notifications sending its
/// e-mail through a fault proxy to a real SMTP server (smtp4dev) when the tool is installed.
/// Scenarios run one at a time.
/// </summary>
public sealed class FaultHub : IAsyncLifetime
{
    public const string Collection = "faults";

    public const string PendingOutboxMessages = "SELECT count(*) FROM outbox_messages WHERE published_at IS NULL";

    private string? _unavailable;

    public DistributedHub Hub { get; private set; } = null!;

    public PrivatePostgres Postgres { get; private set; } = null!;

    public PrivateRabbitMq RabbitMq { get; private set; } = null!;

    public FaultBackends Backends { get; private set; } = null!;

    /// <summary>The mail server Notifications sends to, through <see cref="SmtpLink"/>; null when smtp4dev is not installed (<see cref="SmtpUnavailable"/> says why).</summary>
    public SmtpTestServer? Smtp { get; private set; }

    public FaultProxy? SmtpLink { get; private set; }

    public string? SmtpUnavailable { get; private set; }

    public void SkipIfUnavailable() => Requirements.SkipUnlessMet(_unavailable);

    public async ValueTask InitializeAsync()
    {
        _unavailable = PrivatePostgres.UnavailableReason() ?? PrivateRabbitMq.UnavailableReason();
        if (_unavailable is not null)
        {
            return;
        }

        Postgres = await PrivatePostgres.StartAsync();
        RabbitMq = await PrivateRabbitMq.StartAsync();
        Backends = new FaultBackends(Postgres, RabbitMq);
        Hub = await DistributedHub.StartAsync(backends: Backends, serviceEnvironment: await StartSmtpAsync());
    }

    public async ValueTask DisposeAsync()
    {
        if (_unavailable is not null)
        {
            return;
        }

        // Each step only if it was reached: a start that failed half-way still cleans up what it made.
        if (Hub is not null)
        {
            await Hub.DisposeAsync();
        }

        if (Backends is not null)
        {
            await Backends.DisposeAsync();
        }

        if (SmtpLink is not null)
        {
            await SmtpLink.DisposeAsync();
        }

        if (Smtp is not null)
        {
            await Smtp.DisposeAsync();
        }

        if (RabbitMq is not null)
        {
            await RabbitMq.DisposeAsync();
        }

        if (Postgres is not null)
        {
            await Postgres.DisposeAsync();
        }
    }

    public HubProcess Service(string name) => Hub.Services[name];

    /// <summary>
    /// Starts smtp4dev and the link to it, and returns the settings that point Notifications there
    /// (short retry waits, so a scenario sees the queue drain soon after the server returns).
    /// </summary>
    private async Task<Dictionary<string, string>> StartSmtpAsync()
    {
        SmtpUnavailable = SmtpTestServer.ToolUnavailableReason();
        if (SmtpUnavailable is not null)
        {
            return [];
        }

        Smtp = await SmtpTestServer.StartAsync(own: true);
        SmtpLink = new FaultProxy(Smtp.Port);
        return new Dictionary<string, string>
        {
            ["Notifications__Smtp__Host"] = "127.0.0.1",
            ["Notifications__Smtp__Port"] = SmtpLink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Notifications__Smtp__UseTls"] = "false",
            ["Notifications__Smtp__MaxRetryDelay"] = "00:00:05",
        };
    }

    /// <summary>A new signed-in person with a fresh open community to write into.</summary>
    public Task<(HttpClient Author, string CommunityId)> NewAuthorWithCommunityAsync(string marker) =>
        NewAuthorWithCommunityAsync(Hub.CreateGatewayClient(), marker);

    /// <summary>Signs <paramref name="client"/> in as a new person who opens a community to write into.</summary>
    public static async Task<(HttpClient Author, string CommunityId)> NewAuthorWithCommunityAsync(HttpClient client, string marker)
    {
        var author = await client.SignInAsync($"author.{marker}@example.com", "IT");
        await author.GetJsonAsync("/api/people/me");
        var community = await author.PostJsonAsync("/api/communities", new { name = $"Faults {marker}", description = "Fault scenario", tags = new[] { "reliability" }, visibility = "open" }, HttpStatusCode.Created);
        return (author, community["id"]!.GetValue<string>());
    }

    /// <summary>A direct connection to a service's database, bypassing any fault proxy: what the checks read.</summary>
    public NpgsqlConnection Database(string service) =>
        // Unpooled: a pooled connection would outlive the database restarts some scenarios cause.
        new(Postgres.ConnectionString(Backends.Databases[service]) + ";Pooling=false");

    /// <summary>Runs one SQL statement on a service's database directly; returns the first column of the first row.</summary>
    public async Task<long> CountAsync(string service, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = Database(service);
        await connection.OpenAsync();
        await using var command = Command(connection, sql, parameters);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Runs one SQL statement on a service's database directly; returns the rows it changed.</summary>
    public async Task<int> ExecuteAsync(string service, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = Database(service);
        await connection.OpenAsync();
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>Checks a scenario's writes: through the gateway as <paramref name="reader"/> sees them, and every service's outbox drained.</summary>
    public WriteAudit Audit(HttpClient reader) => new(reader, async () =>
    {
        long pending = 0;
        foreach (var service in DistributedHub.ServiceNames)
        {
            pending += await CountAsync(service, PendingOutboxMessages);
        }

        return pending;
    }, () => DiagnoseAsync("search"));

    /// <summary>
    /// A service's side of a failed check: its queues that hold messages or lack a consumer (a consumer
    /// that stopped, or one that is behind), its readiness, and its last warnings.
    /// </summary>
    public async Task<string> DiagnoseAsync(string service)
    {
        var process = Service(service);
        var queues = await HubDiagnosis.GuardedAsync($"{service} queues", async () =>
        {
            var states = (await RabbitMq.QueueStatesAsync())
                .Where(queue => queue.Name.StartsWith(QueuePrefix(service), StringComparison.Ordinal) && !queue.Name.EndsWith("_dead_letter", StringComparison.Ordinal))
                .ToList();
            var unconsumed = states.Where(queue => queue.Consumers == 0 && !queue.Name.EndsWith("_error", StringComparison.Ordinal)).Select(queue => queue.Name).ToList();
            return states
                .Where(queue => queue.Ready + queue.Unacknowledged > 0)
                .Select(queue => $"queue {queue.Name}: {queue.Ready} ready, {queue.Unacknowledged} unacknowledged, {queue.Consumers} consumers")
                .Append(unconsumed.Count == 0 ? $"every {service} queue has its consumer" : $"{service} queues without a consumer: {string.Join(", ", unconsumed)}");
        });
        return string.Join('\n', [.. queues, await HubDiagnosis.ReadinessAsync(process), .. HubDiagnosis.RecentWarnings(process, 6)]);
    }

    /// <summary>
    /// Waits until a service's consumer queues are empty. The earlier scenarios' writes may still be
    /// queued for a slower consumer (Expertise works through hundreds of articles on a busy machine):
    /// a backlog that shrinks is waited out however long it takes; one that stops shrinking for
    /// <paramref name="stall"/> fails, since no consumer is taking it. Returns the backlog it found first.
    /// </summary>
    public async Task<int> UntilQueuesDrainedAsync(string service, TimeSpan stall)
    {
        var (smallest, lastShrank, first) = (int.MaxValue, DateTime.UtcNow, (int?)null);
        while (true)
        {
            var backlog = (await RabbitMq.QueueStatesAsync())
                .Where(queue => queue.Name.StartsWith(QueuePrefix(service), StringComparison.Ordinal) && !queue.Name.EndsWith("_error", StringComparison.Ordinal) && !queue.Name.EndsWith("_skipped", StringComparison.Ordinal) && !queue.Name.EndsWith("_dead_letter", StringComparison.Ordinal))
                .Sum(queue => queue.Ready + queue.Unacknowledged);
            first ??= backlog;
            if (backlog == 0)
            {
                return first.Value;
            }

            if (backlog < smallest)
            {
                (smallest, lastShrank) = (backlog, DateTime.UtcNow);
            }
            else if (DateTime.UtcNow - lastShrank > stall)
            {
                throw new TimeoutException($"{service}'s queues held {backlog} messages and did not shrink for {stall.TotalSeconds:0} s.");
            }

            await Task.Delay(250);
        }
    }

    /// <summary>A word no other scenario uses, so search answers are about one scenario's writes only.</summary>
    public static string NewMarker() => "zr" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>Waits until every instance of every process answers <c>/health/ready</c> again.</summary>
    public Task UntilAllReadyAsync(TimeSpan timeout) =>
        Task.WhenAll(Hub.All.Select(process => process.WaitUntilReadyAsync(timeout)));

    /// <summary>A service's consumer queues are named after their consumers' namespace (kebab case).</summary>
    private static string QueuePrefix(string service) => $"knowledge-hub-{service}-";

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }
}

[CollectionDefinition(FaultHub.Collection)]
public sealed class FaultCollection : ICollectionFixture<FaultHub>;
