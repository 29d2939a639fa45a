using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace KnowledgeHub.ServiceDefaults.Http;

/// <summary>
/// The address this process listens on, as the process itself can call it: a wildcard host
/// becomes loopback, plain HTTP is preferred (no certificate between the process and itself).
/// </summary>
public static class ListeningAddress
{
    /// <summary>Null when the server has not said where it listens.</summary>
    public static Uri? Of(IServer server)
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var chosen = addresses.OrderBy(address => address.StartsWith("https", StringComparison.OrdinalIgnoreCase)).FirstOrDefault();
        if (chosen is null)
        {
            return null;
        }

        var builder = new UriBuilder(chosen.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        if (builder.Host is "0.0.0.0" or "[::]" or "::")
        {
            builder.Host = "localhost";
        }

        return builder.Uri;
    }
}
