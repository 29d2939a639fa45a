using System.Text;
using System.Text.Json.Nodes;
using Elastic.Transport;
using KnowledgeHub.Search.Index.Elasticsearch;

namespace KnowledgeHub.Search.Tests.Index;

/// <summary>
/// Stands in for an Elasticsearch cluster beneath the official client: the client builds and
/// serializes every request as it would for a server, this invoker records it and answers with
/// responses shaped like Elasticsearch 9's documented ones, including its errors.
/// </summary>
internal sealed class FakeElasticsearch : IRequestInvoker
{
    public static readonly Uri FirstNode = new("http://es-1.test:9200/");
    public static readonly Uri SecondNode = new("http://es-2.test:9200/");

    private readonly List<Recorded> _requests = [];
    private readonly List<(string Id, long Version)> _applied = [];

    /// <summary>The transport's own factory reads the answers, as it reads a server's.</summary>
    public ResponseFactory ResponseFactory { get; } = new InMemoryRequestInvoker().ResponseFactory;

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

    /// <summary>Every bulk item the cluster applied, as document id and external version.</summary>
    public IReadOnlyList<(string Id, long Version)> Applied
    {
        get
        {
            lock (_applied)
            {
                return [.. _applied];
            }
        }
    }

    /// <summary>Document ids whose bulk items answer 409, as for a stale external version.</summary>
    public HashSet<string> Conflicts { get; } = [];

    /// <summary>Document ids whose bulk items answer 429, as when a node's write queue is full.</summary>
    public HashSet<string> Rejected { get; } = [];

    /// <summary>Nodes whose process went away: connections to them are refused.</summary>
    public HashSet<Uri> Down { get; } = [];

    /// <summary>How many of the next requests a busy cluster answers with 429 as a whole.</summary>
    public int Busy { get; set; }

    /// <summary>Searches answer 404 index_not_found_exception, as after someone deleted the index.</summary>
    public bool IndexMissing { get; set; }

    /// <summary>The index the alias points to; an alias update's last <c>add</c> moves it, as on a server.</summary>
    public string? AliasTarget { get; set; }

    private readonly HashSet<string> _created = [];

    public JsonObject SearchResponse { get; set; } = new()
    {
        ["took"] = 1,
        ["timed_out"] = false,
        ["_shards"] = Shards(),
        ["hits"] = new JsonObject { ["total"] = new JsonObject { ["value"] = 0, ["relation"] = "eq" }, ["hits"] = new JsonArray() },
        ["aggregations"] = new JsonObject
        {
            ["sterms#type"] = new JsonObject { ["buckets"] = new JsonArray() },
            ["sterms#department"] = new JsonObject { ["buckets"] = new JsonArray() },
            ["sterms#tag"] = new JsonObject { ["buckets"] = new JsonArray() },
        },
    };

    public JsonObject MultiSearchResponse { get; set; } = new() { ["took"] = 1, ["responses"] = new JsonArray() };

    /// <summary>The adapter's index store on this cluster, through a client with the adapter's own configuration; one node unless told otherwise.</summary>
    public ElasticsearchIndexStore Store(string alias, params Uri[] nodes) =>
        Store(new ElasticsearchSettings { Nodes = nodes.Length == 0 ? [FirstNode] : nodes, Alias = alias });

    public ElasticsearchIndexStore Store(ElasticsearchSettings settings) =>
        new(ElasticsearchConnection.Create(settings, this), settings, TimeProvider.System);

    public static JsonObject Shards() => new() { ["total"] = 1, ["successful"] = 1, ["skipped"] = 0, ["failed"] = 0 };

    public TResponse Request<TResponse>(Endpoint endpoint, BoundConfiguration boundConfiguration, PostData? postData)
        where TResponse : TransportResponse, new() =>
        RequestAsync<TResponse>(endpoint, boundConfiguration, postData, CancellationToken.None).GetAwaiter().GetResult();

    public async Task<TResponse> RequestAsync<TResponse>(Endpoint endpoint, BoundConfiguration boundConfiguration, PostData? postData, CancellationToken cancellationToken)
        where TResponse : TransportResponse, new()
    {
        var body = "";
        if (postData is not null)
        {
            using var written = new MemoryStream();
            await postData.WriteAsync(written, boundConfiguration.ConnectionSettings, boundConfiguration.DisableDirectStreaming, cancellationToken);
            body = Encoding.UTF8.GetString(written.ToArray());
        }

        var uri = endpoint.Uri;
        var authorization = boundConfiguration.AuthenticationHeader is { } header && header.TryGetAuthorizationParameters(out var credentials) ? $"{header.AuthScheme} {credentials}" : null;
        var recorded = new Recorded(endpoint.Node.Uri, endpoint.Method.ToString().ToUpperInvariant(), uri.AbsolutePath, uri.Query, boundConfiguration.ContentType, authorization, body);
        lock (_requests)
        {
            _requests.Add(recorded);
            Remember(recorded);
        }

        if (Down.Contains(endpoint.Node.Uri))
        {
            // As the HTTP invoker reports a refused connection: no status, no body, the exception.
            var refused = new HttpRequestException($"Connection refused ({endpoint.Node.Uri.Authority})");
            return await ResponseFactory.CreateAsync<TResponse>(endpoint, boundConfiguration, postData, refused, null, [], Stream.Null, null, 0, null, null, cancellationToken);
        }

        var (status, answer) = Answer(recorded);
        var bytes = Encoding.UTF8.GetBytes(answer.ToJsonString());
        return await ResponseFactory.CreateAsync<TResponse>(endpoint, boundConfiguration, postData, null, status, ElasticsearchHeaders(), new MemoryStream(bytes), "application/json", bytes.Length, null, null, cancellationToken);
    }

    /// <summary>Every Elasticsearch answer names the product; the client refuses a server that does not.</summary>
    private static Dictionary<string, IEnumerable<string>> ElasticsearchHeaders() => new(StringComparer.OrdinalIgnoreCase) { ["X-Elastic-Product"] = ["Elasticsearch"] };

    public void Dispose()
    {
    }

    private (int Status, JsonObject Body) Answer(Recorded request)
    {
        if (Busy > 0)
        {
            Busy--;
            return (429, Error(429, "es_rejected_execution_exception", "rejected execution of coordinating operation"));
        }

        var path = request.Path;
        return request.Method switch
        {
            // HEAD / is the transport's ping of a node; HEAD /{index} asks whether the index exists.
            "HEAD" when path.Length > 1 && path.Count(character => character == '/') == 1 => (Created(path[1..]) ? 200 : 404, new JsonObject()),
            "GET" when path.StartsWith("/_alias/", StringComparison.Ordinal) => AliasTarget is null
                ? (404, new JsonObject { ["error"] = $"alias [{path["/_alias/".Length..]}] missing", ["status"] = 404 })
                : (200, new JsonObject { [AliasTarget] = new JsonObject { ["aliases"] = new JsonObject { [path["/_alias/".Length..]] = new JsonObject() } } }),
            "POST" when path == "/_bulk" => (200, Bulk(request.Body)),
            "POST" when path.EndsWith("/_search", StringComparison.Ordinal) && IndexMissing =>
                (404, Error(404, "index_not_found_exception", $"no such index [{path.Split('/')[1]}]")),
            "POST" when path.EndsWith("/_search", StringComparison.Ordinal) => (200, (JsonObject)SearchResponse.DeepClone()),
            "POST" when path.EndsWith("/_msearch", StringComparison.Ordinal) => (200, (JsonObject)MultiSearchResponse.DeepClone()),
            "POST" when path.EndsWith("/_refresh", StringComparison.Ordinal) => (200, new JsonObject { ["_shards"] = Shards() }),
            "PUT" when path.Count(character => character == '/') == 1 => (200, new JsonObject { ["acknowledged"] = true, ["shards_acknowledged"] = true, ["index"] = path[1..] }),
            _ => (200, new JsonObject { ["acknowledged"] = true }),
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
            var item = new JsonObject { ["_index"] = action["_index"]!.GetValue<string>(), ["_id"] = id };
            if (Conflicts.Contains(id))
            {
                item["status"] = 409;
                item["error"] = new JsonObject { ["type"] = "version_conflict_engine_exception", ["reason"] = $"[{id}]: version conflict, current version [9] is higher or equal to the one provided [2]" };
            }
            else if (Rejected.Contains(id))
            {
                item["status"] = 429;
                item["error"] = new JsonObject { ["type"] = "es_rejected_execution_exception", ["reason"] = "rejected execution of primary operation" };
            }
            else
            {
                lock (_applied)
                {
                    _applied.Add((id, action["version"]!.GetValue<long>()));
                }

                item["status"] = 201;
                item["result"] = "created";
                item["_version"] = action["version"]!.GetValue<long>();
                item["_shards"] = new JsonObject { ["total"] = 1, ["successful"] = 1, ["failed"] = 0 };
            }

            items.Add(new JsonObject { ["index"] = item });
        }

        return new JsonObject { ["took"] = 3, ["errors"] = items.Any(item => item!["index"]!["status"]!.GetValue<int>() >= 300), ["items"] = items };
    }

    private static JsonObject Error(int status, string type, string reason) => new()
    {
        ["error"] = new JsonObject
        {
            ["root_cause"] = new JsonArray(new JsonObject { ["type"] = type, ["reason"] = reason }),
            ["type"] = type,
            ["reason"] = reason,
        },
        ["status"] = status,
    };

    public sealed record Recorded(Uri Node, string Method, string Path, string Query, string? ContentType, string? Authorization, string Body)
    {
        public JsonNode Json => JsonNode.Parse(Body)!;

        public IReadOnlyList<JsonNode> Lines => Body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)!).ToList();
    }
}
