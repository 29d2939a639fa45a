using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace KnowledgeHub.Search.Tests.Index;

/// <summary>
/// Stands in for an Elasticsearch server at the HTTP level: records every request the adapter
/// sends and answers with responses shaped like Elasticsearch 8's documented ones.
/// </summary>
internal sealed class FakeElasticsearch : HttpMessageHandler
{
    private readonly List<Recorded> _requests = [];

    public IReadOnlyList<Recorded> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Document ids whose bulk items answer 409, as for a stale external version.</summary>
    public HashSet<string> Conflicts { get; } = [];

    /// <summary>The index the alias points to; an alias update's last <c>add</c> moves it, as on a server.</summary>
    public string? AliasTarget { get; set; }

    private readonly HashSet<string> _created = [];

    public JsonObject SearchResponse { get; set; } = new()
    {
        ["took"] = 1,
        ["hits"] = new JsonObject { ["total"] = new JsonObject { ["value"] = 0, ["relation"] = "eq" }, ["hits"] = new JsonArray() },
        ["aggregations"] = new JsonObject
        {
            ["type"] = new JsonObject { ["buckets"] = new JsonArray() },
            ["department"] = new JsonObject { ["buckets"] = new JsonArray() },
            ["tag"] = new JsonObject { ["buckets"] = new JsonArray() },
        },
    };

    public JsonObject MultiSearchResponse { get; set; } = new() { ["responses"] = new JsonArray() };

    public HttpClient Client() => new(this) { BaseAddress = new Uri("http://elasticsearch.test:9200/") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var recorded = new Recorded(request.Method.Method, request.RequestUri!.AbsolutePath, request.RequestUri.Query, request.Content?.Headers.ContentType?.MediaType, body);
        lock (_requests)
        {
            _requests.Add(recorded);
        }

        var path = recorded.Path;
        lock (_requests)
        {
            Remember(recorded);
        }

        return recorded.Method switch
        {
            "HEAD" when path.Count(character => character == '/') == 1 => new HttpResponseMessage(Created(path[1..]) ? HttpStatusCode.OK : HttpStatusCode.NotFound),
            "GET" when path.StartsWith("/_alias/", StringComparison.Ordinal) => AliasTarget is null
                ? Json(HttpStatusCode.NotFound, new JsonObject { ["error"] = "alias [x] missing", ["status"] = 404 })
                : Json(HttpStatusCode.OK, new JsonObject { [AliasTarget] = new JsonObject { ["aliases"] = new JsonObject { [path["/_alias/".Length..]] = new JsonObject() } } }),
            "POST" when path == "/_bulk" => Json(HttpStatusCode.OK, Bulk(body)),
            "POST" when path.EndsWith("/_search", StringComparison.Ordinal) => Json(HttpStatusCode.OK, (JsonObject)SearchResponse.DeepClone()),
            "POST" when path.EndsWith("/_msearch", StringComparison.Ordinal) => Json(HttpStatusCode.OK, (JsonObject)MultiSearchResponse.DeepClone()),
            "POST" when path.EndsWith("/_refresh", StringComparison.Ordinal) => Json(HttpStatusCode.OK, new JsonObject { ["_shards"] = new JsonObject { ["total"] = 1, ["successful"] = 1, ["failed"] = 0 } }),
            "PUT" when path.Count(character => character == '/') == 1 => Json(HttpStatusCode.OK, new JsonObject { ["acknowledged"] = true, ["shards_acknowledged"] = true, ["index"] = path[1..] }),
            _ => Json(HttpStatusCode.OK, new JsonObject { ["acknowledged"] = true }),
        };
    }

    private bool Created(string index)
    {
        lock (_requests)
        {
            return _created.Contains(index);
        }
    }

    private void Remember(Recorded request)
    {
        if (request.Method == "PUT" && request.Path.Count(character => character == '/') == 1)
        {
            _created.Add(request.Path[1..]);
        }
        else if (request.Method == "POST" && request.Path == "/_aliases")
        {
            AliasTarget = request.Json["actions"]!.AsArray().LastOrDefault(action => action!["add"] is not null)?["add"]!["index"]!.GetValue<string>() ?? AliasTarget;
        }
    }

    private JsonObject Bulk(string body)
    {
        var lines = body.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var items = new JsonArray();
        for (var line = 0; line < lines.Length; line += 2)
        {
            var action = JsonNode.Parse(lines[line])!["index"]!;
            var id = action["_id"]!.GetValue<string>();
            var conflict = Conflicts.Contains(id);
            var item = new JsonObject
            {
                ["_index"] = action["_index"]!.GetValue<string>(),
                ["_id"] = id,
                ["status"] = conflict ? 409 : 201,
            };
            if (conflict)
            {
                item["error"] = new JsonObject { ["type"] = "version_conflict_engine_exception", ["reason"] = "current version is higher" };
            }

            items.Add(new JsonObject { ["index"] = item });
        }

        return new JsonObject { ["took"] = 3, ["errors"] = Conflicts.Count > 0, ["items"] = items };
    }

    private static HttpResponseMessage Json(HttpStatusCode status, JsonObject body) =>
        new(status) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };

    public sealed record Recorded(string Method, string Path, string Query, string? ContentType, string Body)
    {
        public JsonNode Json => JsonNode.Parse(Body)!;

        public IReadOnlyList<JsonNode> Lines => Body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)!).ToList();
    }
}
