using Microsoft.Extensions.Configuration;

namespace KnowledgeHub.Search.Index.Elasticsearch;

/// <summary>
/// Bound from <c>Search:Elasticsearch</c>; the adapter is used when <see cref="Url"/> or <see cref="Nodes"/> is set.
/// Authentication is an API key or a user name and password; a server certificate that no system
/// authority signed is trusted through its CA file or its fingerprint.
/// </summary>
internal sealed class ElasticsearchSettings
{
    public const string SectionName = "Search:Elasticsearch";

    /// <summary>One node, or a load balancer in front of the cluster.</summary>
    public Uri? Url { get; set; }

    /// <summary>Several nodes of one cluster: a request that finds a node gone is retried on the next.</summary>
    public IReadOnlyList<Uri> Nodes { get; set; } = [];

    /// <summary>An encoded API key (the <c>encoded</c> value Elasticsearch returns when it creates one).</summary>
    public string? ApiKey { get; set; }

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>A PEM or DER file of the certificate authority that signed the nodes' certificates.</summary>
    public string? CertificateAuthority { get; set; }

    /// <summary>The SHA-256 fingerprint of the CA or node certificate, as Elasticsearch prints it at first start.</summary>
    public string? CertificateFingerprint { get; set; }

    /// <summary>The alias searches go through; each generation is an index named after it.</summary>
    public string Alias { get; set; } = "knowledgehub-search";

    /// <summary>How often the live index refreshes: a write is searchable within this (and a bulk round).</summary>
    public string RefreshInterval { get; set; } = "500ms";

    /// <summary>Writes waiting together are sent as one bulk request of at most this many actions.</summary>
    public int MaxBulkActions { get; set; } = 500;

    /// <summary>Every node the client may use: <see cref="Url"/> and <see cref="Nodes"/> together.</summary>
    public IReadOnlyList<Uri> AllNodes => Url is null ? Nodes : [Url, .. Nodes.Where(node => node != Url)];

    public static ElasticsearchSettings? From(IConfiguration configuration)
    {
        var settings = configuration.GetSection(SectionName).Get<ElasticsearchSettings>();
        if (settings is null || settings.AllNodes.Count == 0)
        {
            return null;
        }

        return settings.Problem() is { } problem
            ? throw new InvalidOperationException($"'{SectionName}:{problem.Setting}' {problem.Message}")
            : settings;
    }

    private (string Setting, string Message)? Problem()
    {
        if (AllNodes.FirstOrDefault(node => !node.IsAbsoluteUri || node.Scheme is not ("http" or "https")) is { } bad)
        {
            return (Url == bad ? nameof(Url) : nameof(Nodes), $"must be an absolute http or https address; '{bad}' is not.");
        }

        if (AllNodes.Select(node => node.Scheme).Distinct(StringComparer.Ordinal).Count() > 1)
        {
            return (nameof(Nodes), "must all use the same scheme (http or https).");
        }

        if (!string.IsNullOrEmpty(ApiKey) && (!string.IsNullOrEmpty(Username) || !string.IsNullOrEmpty(Password)))
        {
            return (nameof(ApiKey), "and Username/Password are two ways to authenticate: set only one.");
        }

        if (string.IsNullOrEmpty(Username) != string.IsNullOrEmpty(Password))
        {
            return (string.IsNullOrEmpty(Username) ? nameof(Username) : nameof(Password), "must be set together with the other of Username and Password.");
        }

        if (!string.IsNullOrEmpty(CertificateAuthority) && !string.IsNullOrEmpty(CertificateFingerprint))
        {
            return (nameof(CertificateFingerprint), "and CertificateAuthority are two ways to trust the server: set only one.");
        }

        if (!string.IsNullOrEmpty(CertificateAuthority) && !File.Exists(CertificateAuthority))
        {
            return (nameof(CertificateAuthority), $"names a file that does not exist: '{CertificateAuthority}'.");
        }

        if (!string.IsNullOrEmpty(CertificateFingerprint) && !IsSha256Fingerprint(CertificateFingerprint))
        {
            return (nameof(CertificateFingerprint), "must be a SHA-256 fingerprint: 64 hexadecimal digits, with or without colons.");
        }

        if (MaxBulkActions < 1)
        {
            return (nameof(MaxBulkActions), "must be at least 1.");
        }

        return string.IsNullOrWhiteSpace(Alias) ? (nameof(Alias), "must not be empty.") : null;
    }

    private static bool IsSha256Fingerprint(string fingerprint)
    {
        var digits = fingerprint.Replace(":", "", StringComparison.Ordinal);
        return digits.Length == 64 && digits.All(char.IsAsciiHexDigit);
    }
}
