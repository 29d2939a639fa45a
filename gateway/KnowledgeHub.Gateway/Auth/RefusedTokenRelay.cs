using System.Net.Http.Headers;
using KnowledgeHub.Expertise;
using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.ServiceDefaults.Background;

namespace KnowledgeHub.Gateway.Auth;

/// <summary>
/// A gateway that hosts no service has no message bus to record the tokens it refuses (ADR 0073):
/// it hands one refused token of each kind a minute on to a remote Expertise, which refuses it
/// again for the same reason and records that in the audit trail. Nothing else of the request goes.
/// </summary>
internal sealed partial class RefusedTokenRelay(IHttpClientFactory clients, IReadOnlyList<Uri> urls, TimeProvider time, ILogger<RefusedTokenRelay> logger)
    : BackgroundQueue<string>(capacity: 16), IRefusedAttempts
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    private readonly RefusalGate _gate = new(time);

    public void Record(string action, string target, string reason, string path, string? token = null)
    {
        if (token is not null && _gate.TryPass(action, reason, out _))
        {
            TryQueue(token);
        }
    }

    protected override async Task SendAsync(string token, CancellationToken cancellationToken)
    {
        using var client = clients.CreateClient();
        client.Timeout = Timeout;
        foreach (var url in urls)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, ExpertiseModule.AccessRoute));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            try
            {
                using var response = await client.SendAsync(request, cancellationToken);
                return;
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                LogUnreachable(exception, url);
            }
        }
    }

    protected override void NotSent(Exception exception, string token) => LogNotRelayed(exception);

    [LoggerMessage(LogLevel.Warning, "Expertise at {Url} could not be told of a refused token.")]
    private partial void LogUnreachable(Exception exception, Uri url);

    [LoggerMessage(LogLevel.Warning, "A refused token could not be handed on to Expertise for the audit trail.")]
    private partial void LogNotRelayed(Exception exception);
}
