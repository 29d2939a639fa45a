using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace KnowledgeHub.Testing;

/// <summary>
/// A small TCP proxy on loopback that a service connects through instead of its database, broker or
/// mail server, so a test can break that one link: add latency, reset every connection, blackhole the
/// traffic (nothing moves, nothing is refused, until it heals; bytes held back are then delivered
/// in order, as TCP's retransmission would), or take the server down (connections refused). Toxiproxy
/// is not available here.
/// </summary>
public sealed class FaultProxy : IAsyncDisposable
{
    private readonly IPEndPoint _target;
    private readonly ConcurrentDictionary<Link, byte> _links = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _listening = new();
    private TcpListener _listener = new(IPAddress.Loopback, 0);
    private Task _accepting;
    private bool _down;
    private volatile Fault _fault = Fault.None;

    public FaultProxy(int targetPort)
    {
        _target = new IPEndPoint(IPAddress.Loopback, targetPort);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync(_listener);
    }

    public int Port { get; }

    public int OpenConnections => _links.Count;

    /// <summary>Every chunk in either direction waits this long before it is passed on.</summary>
    public void AddLatency(TimeSpan latency) => _fault = new Fault(latency, Blackholed: false);

    /// <summary>Nothing passes either way until <see cref="Heal"/>; new connections are accepted and hang too.</summary>
    public void Blackhole() => _fault = _fault with { Blackholed = true };

    /// <summary>Every open connection is reset (RST) at once; new ones connect normally.</summary>
    public void ResetConnections()
    {
        foreach (var link in _links.Keys)
        {
            link.Reset();
        }
    }

    /// <summary>As if the server were down: open connections are reset and new ones refused (nothing listens) until <see cref="Heal"/>.</summary>
    public void TakeDown()
    {
        lock (_listening)
        {
            _down = true;
            _listener.Stop();
        }

        ResetConnections();
    }

    /// <summary>Ends every fault: no latency, traffic flows, and a server taken down listens again on the same port.</summary>
    public void Heal()
    {
        _fault = Fault.None;
        lock (_listening)
        {
            if (_down)
            {
                _down = false;
                _listener = new TcpListener(IPAddress.Loopback, Port);
                _listener.Start();
                _accepting = AcceptAsync(_listener);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        lock (_listening)
        {
            _listener.Stop();
        }

        ResetConnections();
        await _accepting;
        _stopping.Dispose();
    }

    private async Task AcceptAsync(TcpListener listener)
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptSocketAsync(_stopping.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = CarryAsync(client);
        }
    }

    private async Task CarryAsync(Socket client)
    {
        var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var link = new Link(client, server);
        _links[link] = 0;
        try
        {
            await server.ConnectAsync(_target, _stopping.Token);
            await Task.WhenAny(PumpAsync(client, server, link.Ended), PumpAsync(server, client, link.Ended));
        }
        catch (Exception exception) when (exception is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The other side went away or the link was reset: both ends close below.
        }
        finally
        {
            _links.TryRemove(link, out _);
            link.Reset();
        }
    }

    private async Task PumpAsync(Socket from, Socket to, CancellationToken ended)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None, ended);
                if (read == 0)
                {
                    return;
                }

                await WaitWhileFaultedAsync(ended);
                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, ended);
            }
        }
        catch (Exception exception) when (exception is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Ends this direction; the caller tears the link down.
        }
    }

    private async Task WaitWhileFaultedAsync(CancellationToken ended)
    {
        while (_fault.Blackholed)
        {
            await Task.Delay(20, ended);
        }

        if (_fault.Latency > TimeSpan.Zero)
        {
            await Task.Delay(_fault.Latency, ended);
        }
    }

    private sealed record Fault(TimeSpan Latency, bool Blackholed)
    {
        public static readonly Fault None = new(TimeSpan.Zero, Blackholed: false);
    }

    /// <summary>One proxied connection: the client's socket and ours to the target.</summary>
    private sealed class Link(Socket client, Socket server)
    {
        private readonly CancellationTokenSource _ended = new();
        private int _reset;

        public CancellationToken Ended => _ended.Token;

        public void Reset()
        {
            if (Interlocked.Exchange(ref _reset, 1) == 1)
            {
                return;
            }

            _ended.Cancel();
            foreach (var socket in new[] { client, server })
            {
                // Linger 0: closing sends RST instead of FIN, as a dropped connection looks to the peer.
                socket.LingerState = new LingerOption(true, 0);
                socket.Close();
            }
        }
    }
}
