using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace KnowledgeHub.Web.Api;

/// <summary>
/// Who the cookie's token says is signed in, read without checking the signature: only to shape
/// the page (a name, a menu entry). Every call the page makes is authorized by the API itself.
/// </summary>
internal sealed record Viewer(Guid Id, string Name, IReadOnlyList<string> Roles)
{
    public bool IsExecutive => Roles.Contains("executive") || Roles.Contains("admin");

    public bool IsAdmin => Roles.Contains("admin");

    public static Viewer? From(HttpContext? context)
    {
        var token = context is null ? null : TokenCookie.Read(context);
        var parts = token?.Split('.');
        if (parts is not { Length: 3 })
        {
            return null;
        }

        try
        {
            var payload = parts[1].Replace('-', '+').Replace('_', '/');
            payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
            using var json = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload)));
            var root = json.RootElement;
            var roles = root.TryGetProperty("roles", out var value)
                ? value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Select(role => role.GetString() ?? "").ToArray() : [value.GetString() ?? ""]
                : [];
            return Guid.TryParse(root.GetProperty("sub").GetString(), out var id)
                ? new Viewer(id, root.TryGetProperty("name", out var name) ? name.GetString() ?? "" : "", roles)
                : null;
        }
        catch (Exception exception) when (exception is FormatException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }
}
