using Microsoft.AspNetCore.Http;

namespace KnowledgeHub.ServiceDefaults.Http;

/// <summary>Optimistic concurrency: a resource's version travels out as ETag and back as If-Match.</summary>
public static class ETags
{
    public static string Format(long version) => $"\"{version}\"";

    /// <summary>
    /// The version the client expects, or null when it sent no If-Match (an unconditional write).
    /// Returns false when the header is present but cannot match any version of ours.
    /// </summary>
    public static bool TryReadIfMatch(HttpRequest request, out long? expectedVersion)
    {
        expectedVersion = null;
        var header = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header) || header.Trim() == "*")
        {
            return true;
        }

        var value = header.Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal))
        {
            value = value[2..];
        }

        if (long.TryParse(value.Trim('"'), out var version))
        {
            expectedVersion = version;
            return true;
        }

        return false;
    }

    public static void Set(HttpResponse response, long version) => response.Headers.ETag = Format(version);
}
