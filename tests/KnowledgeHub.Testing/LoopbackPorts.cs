using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace KnowledgeHub.Testing;

/// <summary>
/// Ports on loopback for the servers the tests start, each free when handed out and not handed out
/// again by the same test process until its block is used up. They come from below the kernel's
/// ephemeral range: a port the kernel picks (a listener on port 0, closed again) lies in the range every
/// outgoing connection on the machine takes its local port from, and in CI such a port was taken in the
/// seconds before the hub process was to listen on it ("address already in use": a fixture that never
/// started). Each test process walks a block of its own, so that two suites run side by side seldom try
/// the same ports.
/// </summary>
public static class LoopbackPorts
{
    private const int Lowest = 10_000;
    private const int BlockSize = 400;
    private const int LinuxEphemeralStart = 32_768;

    private static readonly int Blocks = (EphemeralStart() - Lowest) / BlockSize;
    private static int _handedOut = -1;

    /// <summary>The next port of this process's block that nothing is bound to now.</summary>
    public static int Unused()
    {
        if (Blocks < 1)
        {
            return KernelPicked();
        }

        var first = Lowest + ((Environment.ProcessId % Blocks) * BlockSize);
        for (var attempt = 0; attempt < BlockSize; attempt++)
        {
            var port = first + (Interlocked.Increment(ref _handedOut) % BlockSize);
            if (IsFree(port))
            {
                return port;
            }
        }

        throw new InvalidOperationException($"No free port in {first} to {first + BlockSize - 1}.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>Where Linux starts handing out local ports for outgoing connections (elsewhere it starts higher).</summary>
    private static int EphemeralStart()
    {
        try
        {
            var range = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            return int.Parse(range[0], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return LinuxEphemeralStart;
        }
    }

    /// <summary>For a machine whose ephemeral range starts too low to leave ports below it.</summary>
    private static int KernelPicked()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
