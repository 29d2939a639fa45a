using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace KnowledgeHub.Expertise.Features.Audit;

/// <summary>
/// How an audit entry is chained (ADR 0069): its hash is SHA-256 over its position, its fields, the
/// digest of its details and the hash of the entry before it. Appending and verifying both compute it
/// here, so the two can never disagree on the format.
/// </summary>
internal static class AuditChain
{
    public const string Genesis = "";

    /// <summary>Details as stored: a JSON object with its keys in ordinal order, so equal details give equal text.</summary>
    public static string CanonicalDetails(IReadOnlyDictionary<string, string> details) =>
        JsonSerializer.Serialize(new SortedDictionary<string, string>(details.ToDictionary(), StringComparer.Ordinal));

    public static string Digest(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public static string HashOf(AuditRow row) =>
        Digest(JsonSerializer.Serialize(new object[]
        {
            row.Seq,
            row.Id.ToString("D"),
            row.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
            row.Actor,
            row.Action,
            row.Target,
            row.Service,
            row.DetailsDigest,
            row.PreviousHash,
        }));
}
