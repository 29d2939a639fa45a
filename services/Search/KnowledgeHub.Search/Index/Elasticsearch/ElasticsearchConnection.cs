using System.Security.Cryptography.X509Certificates;
using Elastic.Clients.Elasticsearch;
using Elastic.Transport;

namespace KnowledgeHub.Search.Index.Elasticsearch;

/// <summary>
/// The one <see cref="ElasticsearchClient"/> of a Search process, built from its settings: the
/// official client is the only way Search talks to Elasticsearch.
/// </summary>
internal static class ElasticsearchConnection
{
    /// <summary>
    /// A node that fails is left out for this long before it is tried again (the transport doubles it
    /// on repeated failures), so a request does not keep knocking on a node that went away.
    /// </summary>
    private static readonly TimeSpan DeadTimeout = TimeSpan.FromSeconds(30);

    /// <param name="invoker">Sends the requests; the client's own HTTP invoker unless a test captures them.</param>
    public static ElasticsearchClient Create(ElasticsearchSettings settings, IRequestInvoker? invoker = null)
    {
        NodePool nodes = settings.AllNodes.Count == 1
            ? new SingleNodePool(settings.AllNodes[0])
            : new StaticNodePool(settings.AllNodes, randomize: false);
        var configuration = invoker is null ? new ElasticsearchClientSettings(nodes) : new ElasticsearchClientSettings(nodes, invoker);
        configuration.DeadTimeout(DeadTimeout);

        if (!string.IsNullOrEmpty(settings.ApiKey))
        {
            configuration.Authentication(new ApiKey(settings.ApiKey));
        }
        else if (!string.IsNullOrEmpty(settings.Username))
        {
            configuration.Authentication(new BasicAuthentication(settings.Username, settings.Password!));
        }

        if (!string.IsNullOrEmpty(settings.CertificateFingerprint))
        {
            configuration.CertificateFingerprint(settings.CertificateFingerprint);
        }
        else if (!string.IsNullOrEmpty(settings.CertificateAuthority))
        {
            // Loaded once at start: a CA that cannot be read stops Search here, not at the first search.
            var authority = X509CertificateLoader.LoadCertificateFromFile(settings.CertificateAuthority);
            configuration.ServerCertificateValidationCallback(CertificateValidations.AuthorityIsRoot(authority));
        }

        return new ElasticsearchClient(configuration);
    }
}
