using System.Buffers.Text;
using System.Text.Json;

namespace KnowledgeHub.ServiceDefaults.Http;

/// <summary>
/// A validated <c>?limit=&amp;cursor=</c> pair. Cursors are opaque to clients: the keyset position of
/// the last item served, so pages stay stable while items are added.
/// </summary>
public sealed record PageRequest(int Limit, IReadOnlyList<string>? After)
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    public static PageRequest? Parse(int? limit, string? cursor, Validation validation)
    {
        var size = limit ?? DefaultLimit;
        validation.Require(size is >= 1 and <= MaxLimit, "limit", $"'limit' must be between 1 and {MaxLimit}.");

        IReadOnlyList<string>? after = null;
        if (!string.IsNullOrEmpty(cursor))
        {
            after = Decode(cursor);
            validation.Require(after is not null, "cursor", "'cursor' is not a cursor this list handed out.");
        }

        return validation.IsValid ? new PageRequest(size, after) : null;
    }

    /// <summary>Builds the page from up to <c>Limit + 1</c> rows: the extra row only says that more exist.</summary>
    public Page<T> ToPage<T>(IReadOnlyList<T> rows, Func<T, string[]> keyOf)
    {
        if (rows.Count <= Limit)
        {
            return new Page<T>(rows, null);
        }

        var items = rows.Take(Limit).ToList();
        return new Page<T>(items, Encode(keyOf(items[^1])));
    }

    public static string Encode(params string[] keys) =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(keys));

    private static string[]? Decode(string cursor)
    {
        if (cursor.Length > 512)
        {
            return null;
        }

        try
        {
            var keys = JsonSerializer.Deserialize<string[]>(Base64Url.DecodeFromChars(cursor));
            return keys is { Length: > 0 } ? keys : null;
        }
        catch (Exception exception) when (exception is FormatException or JsonException)
        {
            return null;
        }
    }
}
