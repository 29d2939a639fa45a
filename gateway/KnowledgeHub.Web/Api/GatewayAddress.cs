using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
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

        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var chosen = addresses.OrderBy(address => address.StartsWith("https", StringComparison.OrdinalIgnoreCase)).FirstOrDefault()
            ?? throw new InvalidOperationException($"The UI cannot tell where the API listens; set '{SettingName}'.");
        var builder = new UriBuilder(chosen.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        if (builder.Host is "0.0.0.0" or "[::]" or "::")
        {
            builder.Host = "localhost";
        }

        return builder.Uri;
    }
}
