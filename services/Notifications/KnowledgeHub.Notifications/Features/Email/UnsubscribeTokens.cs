using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace KnowledgeHub.Notifications.Features.Email;

/// <summary>
/// Signed one-click unsubscribe links (RFC 8058): the token names a person and the kind of e-mail
/// they stop, signed with a key this service makes once and keeps in its database, so every
/// instance signs and checks alike and nobody can unsubscribe someone else.
/// </summary>
internal sealed class UnsubscribeTokens(NotificationsDatabase database)
{
    private const string KeyName = "unsubscribe-key";
    private byte[]? _key;

    public async Task<string> IssueAsync(Guid personId, string kind)
    {
        var payload = Encoding.UTF8.GetBytes($"{personId:N}.{kind}");
        return $"{Base64Url.EncodeToString(payload)}.{Base64Url.EncodeToString(HMACSHA256.HashData(await KeyAsync(), payload))}";
    }

    /// <summary>The person and kind a token names, or null when it is not one this service signed.</summary>
    public async Task<(Guid PersonId, string Kind)?> ReadAsync(string? token)
    {
        var parts = (token ?? "").Split('.');
        if (parts.Length != 2 || parts[0].Length > 200 || parts[1].Length > 100)
        {
            return null;
        }

        try
        {
            var key = await KeyAsync();
            var payload = Base64Url.DecodeFromChars(parts[0]);
            var signature = Base64Url.DecodeFromChars(parts[1]);
            if (!CryptographicOperations.FixedTimeEquals(signature, HMACSHA256.HashData(key, payload)))
            {
                return null;
            }

            var text = Encoding.UTF8.GetString(payload).Split('.', 2);
            return text.Length == 2 && Guid.TryParseExact(text[0], "N", out var person) ? (person, text[1]) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>
    /// Loads (or makes) the signing key in a transaction of its own: call before a transaction that
    /// issues tokens, since on SQLite a second writer would wait for that one.
    /// </summary>
    public Task PrepareAsync() => KeyAsync();

    private async Task<byte[]> KeyAsync()
    {
        if (_key is { } known)
        {
            return known;
        }

        await using var work = await database.BeginAsync();
        await work.ExecuteAsync(
            "INSERT INTO secrets (name, value) VALUES (@Name, @Value) ON CONFLICT (name) DO NOTHING",
            new { Name = KeyName, Value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) });
        var value = await work.ScalarAsync<string>("SELECT value FROM secrets WHERE name = @Name", new { Name = KeyName });
        await work.CommitAsync();
        return _key = Convert.FromBase64String(value!);
    }
}
