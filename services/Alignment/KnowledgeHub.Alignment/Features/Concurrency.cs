using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http;

namespace KnowledgeHub.Alignment.Features;

/// <summary>Optimistic concurrency for Alignment's conditional writes: If-Match in, a version check in SQL.</summary>
internal static class Concurrency
{
    /// <summary>The version the client read, or null for an unconditional write; a foreign ETag is a field error.</summary>
    public static long? ReadIfMatch(HttpRequest request, Validation validation)
    {
        if (!ETags.TryReadIfMatch(request, out var expectedVersion))
        {
            validation.Add("If-Match", "If-Match must be an ETag this API handed out.");
        }

        return expectedVersion;
    }

    /// <summary>Appended to an UPDATE's WHERE clause: only the version the client read may change (parameter <c>@ExpectedVersion</c>).</summary>
    public static string VersionCondition(long? expectedVersion) => expectedVersion is null ? "" : " AND version = @ExpectedVersion";
}
