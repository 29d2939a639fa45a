using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using KnowledgeHub.Testing;

namespace KnowledgeHub.Benchmarks.Load;

/// <summary>
/// The three users' traffic against one hub: employees search, find experts, read communities and
/// post and answer; executives read the scorecard and file status reports. Each request goes out as
/// one of the signed-in people in turn, so a per-person rate limit sees an organisation, not one
/// user. Everything it writes lives in communities and a project of its own, named for the run:
/// <see cref="Communities"/> of them, as an organisation has several (every write in one community
/// takes that community's lock, so one community alone would measure that lock).
/// </summary>
internal sealed class Traffic : IDisposable
{
    private static readonly string[] Words = ["kubernetes", "budget", "onboarding", "postgres", "security", "roadmap", "vendor", "migration", "incident", "analytics"];
    private static readonly string[] Departments = ["IT", "FIN", "HR", "OPS", "SALES"];

    private readonly HttpClient[] _people;
    private readonly HttpClient[] _executives;
    private readonly string _marker;
    private readonly string[] _communities;
    private readonly string[] _questions;
    private readonly string _project;
    private readonly double _writeShare;

    private Traffic(HttpClient[] people, HttpClient[] executives, string marker, string[] communities, string[] questions, string project, double writeShare)
    {
        (_people, _executives, _marker, _communities, _questions, _project, _writeShare) = (people, executives, marker, communities, questions, project, writeShare);
    }

    public const int Communities = 8;

    /// <summary>The person the freshness probe posts and searches as.</summary>
    public HttpClient Prober => _people[0];

    public string Community => _communities[0];

    public static async Task<Traffic> PrepareAsync(LoadOptions options)
    {
        var marker = Guid.NewGuid().ToString("N")[..6];
        var people = options.Token is { } token
            ? [Client(options.Target, token)]
            : await Task.WhenAll(Enumerable.Range(0, options.Users).Select(index => SignInAsync(options.Target, marker, index)));
        // With one token that person is also the executive; signed in, every tenth person is one.
        var executives = people.Length == 1 ? people : people.Where((_, index) => index % 10 == 0).ToArray();

        var communities = new string[Communities];
        var questions = new string[Communities];
        for (var index = 0; index < Communities; index++)
        {
            var community = Id(await people[0].PostJsonAsync("/api/communities", new { name = $"Load test {marker} {index}", description = "Written by the load command", tags = new[] { "loadtest" }, visibility = "open" }, HttpStatusCode.Created));
            await Task.WhenAll(people.Skip(1).Select(person => person.PostJsonAsync($"/api/communities/{community}/members", new { }, HttpStatusCode.OK)));
            communities[index] = community;
            questions[index] = Id(await people[0].PostJsonAsync($"/api/communities/{community}/posts", new { type = "question", title = $"How do we plan the {marker} migration?", body = "Asked by the load command.", tags = new[] { "loadtest" } }, HttpStatusCode.Created));
        }

        var project = await CreateProjectAsync(executives[0], marker);
        return new Traffic(people, executives, marker, communities, questions, project, options.WriteShare);
    }

    /// <summary>Request <paramref name="number"/> of the mix; writes are spread evenly through it.</summary>
    public async Task<(string Route, bool Writes, int Status)> SendAsync(long number)
    {
        var person = _people[number % _people.Length];
        var writes = Math.Floor((number + 1) * _writeShare) > Math.Floor(number * _writeShare);
        var word = Words[number % Words.Length];
        var place = (int)(number / 5 % Communities);
        var (route, request) = writes
            ? (number / 3 % 6) switch
            {
                0 or 1 or 2 => ("POST post", Post($"/api/communities/{_communities[place]}/posts", new { type = "article", title = $"Notes on {word} {_marker}-{number}", body = $"What we learned about {word}.", tags = new[] { word } })),
                3 or 4 => ("POST answer", Post($"/api/posts/{_questions[place]}/answers", new { body = $"Answer {number}: start with {word}." })),
                _ => ("POST status report", Post($"/api/projects/{_project}/status-reports", new { health = "green", summary = $"Report {number}" })),
            }
            : (number % 7) switch
            {
                0 or 1 => ("GET search", Get($"/api/search?q={word}")),
                2 => ("GET experts", Get($"/api/experts?q={word}")),
                3 => ("GET communities", Get("/api/communities?limit=20")),
                4 or 5 => ("GET community posts", Get($"/api/communities/{_communities[place]}/posts?limit=20")),
                _ => ("GET scorecard", Get("/api/alignment/scorecard")),
            };
        if (route is "GET scorecard" or "POST status report")
        {
            person = _executives[number % _executives.Length];
        }

        try
        {
            using var response = await person.SendAsync(request, HttpCompletionOption.ResponseContentRead);
            return (route, writes, (int)response.StatusCode);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return (route, writes, 0);
        }
        finally
        {
            request.Dispose();
        }
    }

    public void Dispose()
    {
        foreach (var person in _people)
        {
            person.Dispose();
        }
    }

    private static HttpRequestMessage Get(string url) => new(HttpMethod.Get, url);

    private static HttpRequestMessage Post(string url, object body) => new(HttpMethod.Post, url) { Content = JsonContent.Create(body) };

    private static HttpClient Client(Uri target, string? token)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 16, PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { BaseAddress = target, Timeout = TimeSpan.FromSeconds(30) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    private static async Task<HttpClient> SignInAsync(Uri target, string marker, int index)
    {
        using var anonymous = Client(target, null);
        var roles = index % 10 == 0 ? new[] { "executive" } : [];
        var body = new { email = $"load.{marker}.{index}@example.com", displayName = $"Load {index}", department = Departments[index % Departments.Length], roles };
        // Sign-ins come from one address, which the hub's limit for anonymous callers meters: wait as told.
        using var response = await HttpJson.SendRespectingRetryAfterAsync(() => anonymous.PostAsJsonAsync("/api/auth/dev-login", body), TimeSpan.FromSeconds(30));
        await response.EnsureStatusAsync(HttpStatusCode.OK);
        var client = Client(target, (await response.ReadJsonAsync())["accessToken"]!.GetValue<string>());
        await client.GetJsonAsync("/api/people/me");
        return client;
    }

    /// <summary>A project for the status reports.</summary>
    private static async Task<string> CreateProjectAsync(HttpClient executive, string marker) =>
        Id(await executive.CreateOnceDepartmentsAreKnownAsync("/api/projects", new
        {
            name = $"Load test {marker}",
            description = "Written by the load command",
            sponsorDepartment = "IT",
            partnerDepartments = new[] { "FIN" },
            tags = new[] { "loadtest" },
            budget = new { planned = 10000, actual = 0, currency = "EUR" },
            startDate = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            endDate = DateTime.UtcNow.AddMonths(6).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            status = "active",
        }));

    private static string Id(System.Text.Json.Nodes.JsonNode node) => node["id"]!.GetValue<string>();
}
