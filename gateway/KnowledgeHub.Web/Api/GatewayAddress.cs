using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Configuration;

namespace KnowledgeHub.Web.Api;

/// <summary>
/// Where the UI reaches the gateway's API: <c>Web:ApiBaseUrl</c> when set, otherwise the address
/// this process listens on, with a wildcard host replaced by loopback (plain HTTP preferred, so no
/// certificate stands between the process and itself).
/// </summary>
internal sealed class GatewayAddress(IServer server, IConfiguration configuration)
{
    public const string SettingName = "Web:ApiBaseUrl";

    private Uri? _uri;

    public Uri Uri => _uri ??= Resolve();

    private Uri Resolve()
    {
        if (configuration[SettingName] is { Length: > 0 } configured)
        {
            return new Uri(configured);
        }

        return ListeningAddress.Of(server) ?? throw new InvalidOperationException($"The UI cannot tell where the API listens; set '{SettingName}'.");
    }
}
