using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KnowledgeHub.Security.Tests;

/// <summary>One generated bad request: what it breaks, and the bytes it sends.</summary>
public sealed record Probe(string Breaks, Role Caller, HttpMethod Method, string Path, byte[]? Body, string? ContentType, bool Slow = false)
{
    public HttpRequestMessage ToRequest()
    {
        var request = new HttpRequestMessage(Method, Path);
        if (Body is not null)
        {
            request.Content = Slow ? new TrickledContent(Body) : new ByteArrayContent(Body);
            if (ContentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }

        return request;
    }

    public override string ToString() => $"{Method} {Path[..Math.Min(Path.Length, 160)]} as {Caller} ({Breaks})";
}

/// <summary>
/// Bad requests for every route of the matrix, generated from a fixed seed so a failure can be
/// replayed: broken ids, queries and bodies of every kind a careless or hostile client sends.
/// </summary>
public static class MalformedRequests
{
    private const string Json = "application/json";

    private static readonly string[] BadIds =
    [
        "not-a-guid", "0", "-1", "99999999999999999999999", "' OR '1'='1", "1;DROP TABLE posts", "%01", "..%2F..%2Fetc%2Fpasswd",
        "%E0%A4%A", "%FF%FE", new string('a', 3000), "%F0%9D%95%8F", Guid.Empty.ToString(), "{{id}}", "null", "%20",
        Guid.NewGuid().ToString().ToUpperInvariant(), "00000000-0000-0000-0000-00000000000g",
    ];

    private static readonly string[] BadQueries =
    [
        "limit=abc", "limit=-1", "limit=0", "limit=101", "limit=99999999999999999999", "limit=1&limit=2", "limit=%00",
        "cursor=garbage", "cursor=bm90LWEtY3Vyc29y", "cursor=W10", "cursor=WyJ4Il0", "cursor=" + new string('A', 5000), "cursor=%FF%FE",
        "q=" + new string('x', 10_000), "q=%00%01%02", "q=%E0%A4%A", "q=" + Uri.EscapeDataString("title:(a OR b) AND \"c"), "q=*", "q=%22",
        "q=" + Uri.EscapeDataString("'; DROP TABLE people; --"), "period=20x6-H9", "period=" + new string('9', 500), "department=" + Uri.EscapeDataString("<script>"),
        "type=spaceship", "type=,,,", "sort=evil", "status=maybe", "aligned=perhaps", "available=sometimes", "skill=" + new string('s', 3000),
        "tag=" + Uri.EscapeDataString("a\u0000b"), "department=" + new string('D', 2000), "x[]=1&x[0][y]=2", new string('&', 500), "%", "==&==",
    ];

    private static readonly string[] BadContentTypes =
    [
        "text/plain", "application/xml", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "application/json; charset=utf-16",
        "application/json-patch+json", "image/png", ";;;",
    ];

    private static readonly byte[][] RawBodies =
    [
        [], "{"u8.ToArray(), "}"u8.ToArray(), "null"u8.ToArray(), "[]"u8.ToArray(), "\"text\""u8.ToArray(), "{\"a\":"u8.ToArray(), "12"u8.ToArray(),
        Encoding.UTF8.GetBytes(new string('[', 5000) + new string(']', 5000)),
        Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", 300)) + "1" + new string('}', 300)),
        [0x7B, 0x22, 0x6E, 0x61, 0x6D, 0x65, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0xFF, 0xFE, 0x22, 0x7D],
        [0xEF, 0xBB, 0xBF, 0x7B, 0x7D],
        [0xFF, 0xFE, 0x7B, 0x00, 0x7D, 0x00],
        "{\"name\":\"a\",\"name\":\"b\"}"u8.ToArray(),
        "{\"level\": 1e400, \"limit\": NaN}"u8.ToArray(),
        "{'single': 'quotes'}"u8.ToArray(),
        "{\"a\":1,}"u8.ToArray(),
        "/* comment */ {}"u8.ToArray(),
        Encoding.UTF8.GetBytes("{\"body\":\"" + new string('x', 600 * 1024) + "\"}"),
        Encoding.UTF8.GetBytes("[" + string.Join(",", Enumerable.Repeat("{\"email\":\"x\"}", 2000)) + "]"),
    ];

    private static readonly Func<Random, JsonNode?>[] BadValues =
    [
        _ => 12345, _ => -1, _ => 0.5, _ => true, _ => null, _ => new JsonArray(), _ => new JsonObject(),
        _ => JsonValue.Create(long.MaxValue), _ => "", _ => "   ", _ => "\u0000", _ => "<script>alert(1)</script>",
        _ => new string('x', 100_000), _ => "2026-13-45", _ => "not-a-guid", _ => new JsonArray(new JsonArray(new JsonArray(1))),
        random => new JsonArray(Enumerable.Range(0, 1000).Select(_ => (JsonNode?)random.Next().ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray()),
        _ => new JsonObject { ["$type"] = "System.IO.FileInfo", ["fileName"] = "/etc/passwd" }, _ => "\uD800", _ => "1e400",
        // Markdown nested past any parser's limit (issue 24: these answered 500 on every Markdown field).
        _ => new string('>', 128) + " deep", _ => new string('[', 300) + "x", _ => string.Concat(Enumerable.Repeat("- ", 200)) + "list",
    ];

    /// <summary>
    /// Routes left out: an accepted call to start a reindex rebuilds the whole index, and its only input
    /// is who calls; an accepted erasure erases the caller or another of the world's people, and the
    /// erasure's own tests send it bad input (tests/KnowledgeHub.Expertise.Tests).
    /// </summary>
    private static readonly HashSet<string> LeftOut = new(StringComparer.Ordinal)
    {
        "POST /api/search/reindex", "DELETE /api/people/me", "DELETE /api/people/{erasable}", "GET /api/erasures/{erasure}",
    };

    public static IReadOnlyList<Probe> Generate(HubWorld world, int count, int seed)
    {
        var random = new Random(seed);
        var routes = RouteMatrix.Cases.Where(@case => !LeftOut.Contains(@case.Route)).ToList();
        var probes = new List<Probe>(count);
        while (probes.Count < count)
        {
            var route = routes[random.Next(routes.Count)];
            var caller = random.Next(10) == 0 ? Role.Anonymous : CallerFor(route);
            var path = world.Resolve(route.Template);
            var body = route.Body is null ? null : world.Resolve(JsonSerializer.Serialize(route.Body, JsonSerializerOptions.Web));
            // A route that reads no body ignores one, so its requests break the path or the query.
            probes.Add(random.Next(body is null ? 2 : 4) switch
            {
                0 => BreakAnId(random, route, caller, path, body),
                1 => new Probe("query", caller, route.Method, Append(path, Pick(random, BadQueries)), Bytes(body), Json),
                2 => new Probe("field", caller, route.Method, path, BreakAField(random, body!), Json),
                _ => random.Next(3) == 0
                    ? new Probe("content type", caller, route.Method, path, Bytes(body) ?? "{}"u8.ToArray(), Pick(random, BadContentTypes))
                    : new Probe("body", caller, route.Method, path, Pick(random, RawBodies), Json),
            });
            if (probes[^1].Body is { Length: > 0 } && random.Next(20) == 0)
            {
                probes[^1] = probes[^1] with { Breaks = probes[^1].Breaks + ", sent slowly", Slow = true };
            }
        }

        return probes;
    }

    /// <summary>Every route's own request, unbroken: for callers whose token is what is wrong.</summary>
    public static IReadOnlyList<(RouteCase Route, Probe Probe)> Unbroken(HubWorld world) =>
        RouteMatrix.Cases.Where(@case => !LeftOut.Contains(@case.Route))
            .Select(route => (route, new Probe("nothing", CallerFor(route), route.Method, world.Resolve(route.Template), Bytes(route.Body is null ? null : world.Resolve(JsonSerializer.Serialize(route.Body, JsonSerializerOptions.Web))), Json)))
            .ToList();

    /// <summary>The caller the route serves, so that a bad request gets past authorization to the code that reads it.</summary>
    private static Role CallerFor(RouteCase route) =>
        new[] { Role.Member, Role.Author, Role.Lead, Role.Executive, Role.Admin }.FirstOrDefault(role => route.StatusFor(role) < 300, Role.Admin);

    private static Probe BreakAnId(Random random, RouteCase route, Role caller, string path, string? body)
    {
        var segments = path.Split('?')[0].Split('/');
        var ids = Enumerable.Range(3, Math.Max(0, segments.Length - 3)).ToList();
        if (ids.Count == 0)
        {
            return new Probe("path", caller, route.Method, path.Split('?')[0] + "/" + Pick(random, BadIds), Bytes(body), Json);
        }

        segments[ids[random.Next(ids.Count)]] = Pick(random, BadIds);
        return new Probe("id", caller, route.Method, string.Join('/', segments), Bytes(body), Json);
    }

    private static byte[] BreakAField(Random random, string json)
    {
        var node = JsonNode.Parse(json)!;
        var target = node is JsonArray array && array.Count > 0 ? array[0]! : node;
        if (target is JsonObject fields && fields.Count > 0)
        {
            var name = fields.ElementAt(random.Next(fields.Count)).Key;
            fields[name] = Pick(random, BadValues)(random);
        }

        return Encoding.UTF8.GetBytes(node.ToJsonString());
    }

    private static string Append(string path, string query) => path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query;

    private static byte[]? Bytes(string? body) => body is null ? null : Encoding.UTF8.GetBytes(body);

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}

/// <summary>A body that arrives in a few pieces with pauses between them, as from a slow client.</summary>
public sealed class TrickledContent(byte[] body) : HttpContent
{
    protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
    {
        var piece = Math.Max(1, body.Length / 3);
        for (var offset = 0; offset < body.Length; offset += piece)
        {
            await stream.WriteAsync(body.AsMemory(offset, Math.Min(piece, body.Length - offset)));
            await stream.FlushAsync();
            await Task.Delay(20);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = body.Length;
        return true;
    }
}
