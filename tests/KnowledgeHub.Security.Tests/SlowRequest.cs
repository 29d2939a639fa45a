using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace KnowledgeHub.Security.Tests;

/// <summary>
/// One request on a real socket whose body trickles in at a fixed rate, as a slow (or hostile)
/// client sends it: the headers at once, then a few bytes at a time until it is disposed.
/// </summary>
public sealed class SlowRequest : IAsyncDisposable
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(125);

    private readonly TcpClient _client = new();
    private readonly CancellationTokenSource _stop = new();
    private NetworkStream _stream = null!;
    private Task _trickle = Task.CompletedTask;

    private SlowRequest()
    {
    }

    /// <summary>
    /// Sends the request line, the headers (Content-Length <paramref name="contentLength"/>) and
    /// <paramref name="bodyStart"/> at once, then the rest of the body at <paramref name="bytesPerSecond"/>.
    /// </summary>
    public static async Task<SlowRequest> StartAsync(Uri hub, string requestLine, string bodyStart, int contentLength, int bytesPerSecond, params string[] headers)
    {
        var request = new SlowRequest();
        await request._client.ConnectAsync(hub.Host, hub.Port);
        request._stream = request._client.GetStream();
        var head = new StringBuilder()
            .Append(requestLine).Append(" HTTP/1.1\r\n")
            .Append(CultureInfo.InvariantCulture, $"Host: {hub.Authority}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Length: {contentLength}\r\n");
        foreach (var header in headers)
        {
            head.Append(header).Append("\r\n");
        }

        await request._stream.WriteAsync(Encoding.ASCII.GetBytes(head.Append("\r\n").Append(bodyStart).ToString()));
        request._trickle = request.TrickleAsync(contentLength - bodyStart.Length, Math.Max(1, (int)(bytesPerSecond * Tick.TotalSeconds)));
        return request;
    }

    /// <summary>The status line the server answered with, "closed" when it closed the connection, null when it said nothing in time.</summary>
    public async Task<string?> ResponseAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        var buffer = new byte[512];
        try
        {
            var read = await _stream.ReadAsync(buffer, deadline.Token);
            return read == 0 ? "closed" : Encoding.ASCII.GetString(buffer, 0, read).Split("\r\n")[0];
        }
        catch (OperationCanceledException)
        {
            return null;
        }
        catch (IOException)
        {
            return "closed";
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _trickle;
        _client.Dispose();
        _stop.Dispose();
    }

    private async Task TrickleAsync(int contentLength, int bytesPerTick)
    {
        var chunk = Encoding.ASCII.GetBytes(new string('a', bytesPerTick));
        using var timer = new PeriodicTimer(Tick);
        try
        {
            for (var sent = 0; sent + bytesPerTick < contentLength && await timer.WaitForNextTickAsync(_stop.Token); sent += bytesPerTick)
            {
                await _stream.WriteAsync(chunk, _stop.Token);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // Stopped by the test, or the server hung up: either way this client is done.
        }
    }
}
