using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.Deployment.Tests;

/// <summary>
/// Nothing leaves the building (issue 17): a hub at work calls no address it was not configured
/// with, standalone and distributed. Every HTTP client in each process is sent through a recording
/// proxy (the standard proxy variables), and the processes' open TCP connections are read from
/// /proc: the databases, the broker and the services are all on loopback here, so any other
/// address is one nobody configured.
/// </summary>
public sealed class Egress
{
    [Fact]
    public async Task A_standalone_hub_at_work_opens_no_connection_beyond_loopback()
    {
        using var proxy = new RecordingProxy();
        var data = Directory.CreateTempSubdirectory("kh-egress-").FullName;
        var hub = HubProcess.Standalone(data, [("ASPNETCORE_ENVIRONMENT", "Development"), .. ProxySettings(proxy)]);
        try
        {
            hub.Start();
            await hub.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
            await WorkAsync(hub.Url);
            var remote = RemoteConnections(hub);
            // Usage reports (MassTransit's, for one) wait minutes, or go out as the host stops.
            Assert.True(await hub.StopAsync(TimeSpan.FromSeconds(30)), "The hub did not stop within 30 s.");

            AssertNothingLeft(proxy, remote);
        }
        finally
        {
            await hub.DisposeAsync();
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task A_distributed_hub_at_work_opens_no_connection_beyond_loopback()
    {
        var unavailable = await DistributedHub.UnavailableReasonAsync();
        Requirements.SkipUnlessMet(unavailable);
        using var proxy = new RecordingProxy();
        var settings = ProxySettings(proxy).ToDictionary(setting => setting.Key, setting => setting.Value);
        var hub = await DistributedHub.StartAsync(serviceEnvironment: settings, gatewayEnvironment: settings);
        try
        {
            await WorkAsync(hub.Gateway.Url);
            var remote = hub.All.SelectMany(RemoteConnections).ToList();
            foreach (var process in hub.All.Reverse())
            {
                Assert.True(await process.StopAsync(TimeSpan.FromSeconds(30)), $"{process.Name} did not stop within 30 s.");
            }

            AssertNothingLeft(proxy, remote);
        }
        finally
        {
            await hub.DisposeAsync();
        }
    }

    private static (string Key, string Value)[] ProxySettings(RecordingProxy proxy) =>
        [("HTTP_PROXY", proxy.Url), ("HTTPS_PROXY", proxy.Url), ("ALL_PROXY", proxy.Url), ("NO_PROXY", "127.0.0.1,localhost")];

    /// <summary>What the three kinds of user do: a community and a post, a search, an expert query.</summary>
    private static async Task WorkAsync(Uri hub)
    {
        using var client = await new HttpClient { BaseAddress = hub }.SignInAsync($"egress.{Guid.NewGuid():N}@example.com", "IT", "admin");
        var community = await client.PostJsonAsync("/api/communities", new { name = $"Egress {Guid.NewGuid():N}", description = "", tags = Array.Empty<string>(), visibility = "open" }, HttpStatusCode.Created);
        await client.PostJsonAsync($"/api/communities/{community["id"]}/posts", new { type = "article", title = "Nothing leaves", body = "Really.", tags = Array.Empty<string>() }, HttpStatusCode.Created);
        await client.GetJsonAsync("/api/search?q=leaves");
        await client.GetJsonAsync("/api/experts?q=leaves");
        await client.GetJsonAsync("/api/alignment/scorecard?period=2026-H2");
        await Task.Delay(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
    }

    private static void AssertNothingLeft(RecordingProxy proxy, List<string> remote)
    {
        Assert.True(proxy.Requests.IsEmpty, $"The hub called out through the proxy: {string.Join("; ", proxy.Requests)}");
        Assert.True(remote.Count == 0, $"The hub holds connections beyond loopback: {string.Join(", ", remote)}");
    }

    private static List<string> RemoteConnections(HubProcess process) =>
        OpenConnections(process.ProcessId!.Value).Where(endpoint => !IPAddress.IsLoopback(endpoint.Address.IsIPv4MappedToIPv6 ? endpoint.Address.MapToIPv4() : endpoint.Address)).Select(endpoint => $"{process.Name} to {endpoint}").ToList();

    /// <summary>The remote ends of the process's TCP sockets, from /proc/{pid}/fd and /proc/{pid}/net/tcp{,6}.</summary>
    private static List<IPEndPoint> OpenConnections(int processId)
    {
        var inodes = Directory.EnumerateFileSystemEntries($"/proc/{processId}/fd")
            .Select(fd => new FileInfo(fd).LinkTarget)
            .Where(target => target is not null && target.StartsWith("socket:[", StringComparison.Ordinal))
            .Select(target => target![8..^1])
            .ToHashSet(StringComparer.Ordinal);
        return new[] { "tcp", "tcp6" }
            .SelectMany(table => File.ReadLines($"/proc/{processId}/net/{table}").Skip(1))
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => inodes.Contains(fields[9]) && fields[3] != "0A") // 0A: listening
            .Select(fields => Endpoint(fields[2]))
            .ToList();
    }

    /// <summary>An address as /proc writes it: hexadecimal, each 32-bit word in host (little-endian) order, then the port.</summary>
    private static IPEndPoint Endpoint(string field)
    {
        var (address, port) = (field.Split(':')[0], int.Parse(field.Split(':')[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
        var bytes = Enumerable.Range(0, address.Length / 8)
            .SelectMany(word => BitConverter.GetBytes(uint.Parse(address.Substring(word * 8, 8), NumberStyles.HexNumber, CultureInfo.InvariantCulture)))
            .ToArray();
        return new IPEndPoint(new IPAddress(bytes), port);
    }

    /// <summary>A proxy that forwards nothing: it records the first line of each request and closes.</summary>
    private sealed class RecordingProxy : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();

        public RecordingProxy()
        {
            _listener.Start();
            _ = AcceptAsync();
        }

        public string Url => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

        public ConcurrentQueue<string> Requests { get; } = new();

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            _stop.Dispose();
        }

        private async Task AcceptAsync()
        {
            try
            {
                while (true)
                {
                    using var connection = await _listener.AcceptTcpClientAsync(_stop.Token);
                    using var reader = new StreamReader(connection.GetStream());
                    Requests.Enqueue(await reader.ReadLineAsync(_stop.Token) ?? "(a connection that sent nothing)");
                }
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                // Stopped.
            }
        }
    }
}
