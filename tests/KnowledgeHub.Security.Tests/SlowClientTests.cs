using System.Net;
using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.Security.Tests;

/// <summary>
/// Security finding (issue 24, high): 530 anonymous requests whose bodies arrived at 300 bytes a
/// second held every one of the hub's request slots, and a signed-in employee got 429 until the
/// attacker stopped; health stayed green. On a real hub process over real sockets on loopback, with
/// 8 slots so that a few sockets show it: every client is on 127.0.0.1, so "another person" is a
/// signed-in user and the attacker is the anonymous address.
/// </summary>
public sealed class SlowClientTests(SlowClientHub hub) : IClassFixture<SlowClientHub>
{
    private const int Slots = SlowClientHub.Slots;

    /// <summary>Above the hub's minimum body rate (4096 B/s): an attacker who knows it stays just over it.</summary>
    private const int JustFastEnough = 5_000;

    /// <summary>A JSON body that stays incomplete while the trickle lasts, so the reader keeps waiting for it.</summary>
    private const string Json = "{\"name\":\"";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private HubProcess Hub => hub.Process;

    [Fact]
    public async Task Slow_anonymous_clients_from_one_address_do_not_stop_a_signed_in_persons_requests()
    {
        using var person = await SignedInAsync("employee");
        using var attackersOwnAddress = Client();

        // A forged sign-in cookie: the attacker's way around the small body allowed without one.
        var attack = await StartManyAsync(Slots + 4, () => SlowRequest.StartAsync(Hub.Url, "POST /signin", "email=", 100_000, JustFastEnough, "Content-Type: application/x-www-form-urlencoded", "Cookie: kh_token=forged"));
        try
        {
            // The attacker's slots are taken once its own address is refused.
            await Eventually.AssertAsync(async () => await StatusAsync(attackersOwnAddress, "/api/departments") == HttpStatusCode.TooManyRequests, Patience, "the attacking address to be refused");

            for (var call = 0; call < 5; call++)
            {
                using var response = await person.GetAsync("/api/departments", TestContext.Current.CancellationToken);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
        }
        finally
        {
            await EndAllAsync(attack);
        }
    }

    [Fact]
    public async Task Readiness_reports_a_hub_whose_every_slot_is_taken()
    {
        using var readiness = Client();
        var tokens = new[] { await TokenAsync("slow-one"), await TokenAsync("slow-two") };
        var slow = await StartManyAsync(Slots, index => SlowRequest.StartAsync(Hub.Url, "POST /api/communities", Json, 100_000, JustFastEnough, "Content-Type: application/json", $"Authorization: Bearer {tokens[index % 2]}"));
        try
        {
            await Eventually.AssertAsync(
                async () =>
                {
                    using var response = await readiness.GetAsync("/health/ready");
                    return response.StatusCode == HttpStatusCode.ServiceUnavailable && (await response.Content.ReadAsStringAsync()).Contains("Saturated", StringComparison.Ordinal);
                },
                Patience,
                "readiness to report the saturated hub");
        }
        finally
        {
            await EndAllAsync(slow);
        }

        await Eventually.AssertAsync(async () => await StatusAsync(readiness, "/health/ready") == HttpStatusCode.OK, Patience, "readiness once the slow requests are gone");
    }

    [Fact]
    public async Task A_body_sent_at_300_bytes_a_second_is_cut_off()
    {
        var token = await TokenAsync("trickler");
        await using var slow = await SlowRequest.StartAsync(Hub.Url, "POST /api/communities", Json, 100_000, 300, "Content-Type: application/json", $"Authorization: Bearer {token}");

        var answer = await slow.ResponseAsync(Patience);

        Assert.True(answer is "closed" || answer?.Contains(" 408 ", StringComparison.Ordinal) == true, $"A body at 300 B/s got '{answer ?? "no answer"}' within {Patience.TotalSeconds:0} s.");
    }

    [Fact]
    public async Task An_anonymous_form_larger_than_the_sign_in_form_is_refused_before_its_body_arrives()
    {
        await using var large = await SlowRequest.StartAsync(Hub.Url, "POST /signin", "email=", 200_000, 300, "Content-Type: application/x-www-form-urlencoded");

        var answer = await large.ResponseAsync(Patience);

        Assert.Contains(" 413 ", answer ?? "no answer", StringComparison.Ordinal);
    }

    /// <summary>Issue 24, low: "Server: Kestrel" was sent, and data files were world-readable.</summary>
    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task The_hub_names_no_server_and_keeps_its_files_to_itself()
    {
        using var client = Client();
        using var response = await client.GetAsync("/health/live", TestContext.Current.CancellationToken);

        Assert.False(response.Headers.Contains("Server"), $"Server: {string.Join(", ", response.Headers.Server)}");
        var exposed = new DirectoryInfo(hub.DataPath).EnumerateFileSystemInfos("*", SearchOption.AllDirectories)
            .Where(entry => (File.GetUnixFileMode(entry.FullName) & (UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute)) != 0)
            .Select(entry => $"{entry.FullName} ({File.GetUnixFileMode(entry.FullName)})")
            .ToList();
        Assert.True(exposed.Count == 0, $"Readable by others: {string.Join(", ", exposed)}");
    }

    /// <summary>Issue 24, low: behind a TLS-terminating proxy the hub saw plain HTTP from the proxy's address.</summary>
    [Theory]
    [InlineData("127.0.0.2", true)]
    [InlineData("127.0.0.1", false)]
    public async Task Forwarded_https_is_believed_from_the_configured_proxy_only(string from, bool believed)
    {
        using var client = new HttpClient(new SocketsHttpHandler { ConnectCallback = ConnectFrom(System.Net.IPAddress.Parse(from)) }) { BaseAddress = Hub.Url };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Host = "hub.example.com";
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(believed, response.Headers.Contains("Strict-Transport-Security"));
    }

    private static Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> ConnectFrom(System.Net.IPAddress local) =>
        async (context, cancellationToken) =>
        {
            var socket = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
            socket.Bind(new System.Net.IPEndPoint(local, 0));
            await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
            return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
        };

    private HttpClient Client() => new() { BaseAddress = Hub.Url, Timeout = TimeSpan.FromSeconds(10) };

    private async Task<HttpClient> SignedInAsync(string name) => await Client().SignInAsync($"{name}@example.com", "IT");

    private async Task<string> TokenAsync(string name)
    {
        using var client = await SignedInAsync(name);
        return client.DefaultRequestHeaders.Authorization!.Parameter!;
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return response.StatusCode;
    }

    private static async Task<List<SlowRequest>> StartManyAsync(int count, Func<int, Task<SlowRequest>> start)
    {
        var requests = new List<SlowRequest>();
        for (var index = 0; index < count; index++)
        {
            requests.Add(await start(index));
        }

        return requests;
    }

    private static Task<List<SlowRequest>> StartManyAsync(int count, Func<Task<SlowRequest>> start) => StartManyAsync(count, _ => start());

    /// <summary>
    /// Hangs up every slow request and waits until the hub has let go of their slots: the hub notices
    /// a closed socket only when it next reads from it, and on a busy machine that is later than the
    /// next test's sign-in, which would then be refused with 429.
    /// </summary>
    private async Task EndAllAsync(IEnumerable<SlowRequest> requests)
    {
        foreach (var request in requests)
        {
            await request.DisposeAsync();
        }

        using var anonymous = Client();
        await Eventually.AssertAsync(async () => await StatusAsync(anonymous, "/api/departments") != HttpStatusCode.TooManyRequests, Patience, "the hub to free the slow requests' slots");
    }
}

/// <summary>One standalone hub process for the slow-client checks, with <see cref="Slots"/> request slots.</summary>
public sealed class SlowClientHub : IAsyncLifetime
{
    public const int Slots = 8;

    /// <summary>A loopback address of its own, so that the tests can call both as the proxy and as anyone else.</summary>
    public static readonly System.Net.IPAddress TrustedProxy = System.Net.IPAddress.Parse("127.0.0.2");

    public string DataPath { get; } = Directory.CreateTempSubdirectory("kh-slow-clients-").FullName;

    public HubProcess Process { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Process = HubProcess.Standalone(
            DataPath,
            ("ASPNETCORE_ENVIRONMENT", "Development"),
            ("RateLimiting__PermitsPerSecond", "1000"),
            ("RateLimiting__Burst", "1000"),
            ("RateLimiting__MaxConcurrentRequests", Slots.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("ForwardedHeaders__KnownProxies__0", TrustedProxy.ToString()));
        Process.Start();
        await Process.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
    }

    public async ValueTask DisposeAsync()
    {
        await Process.DisposeAsync();
        Directory.Delete(DataPath, recursive: true);
    }
}
