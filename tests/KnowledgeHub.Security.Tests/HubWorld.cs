using System.Net;
using System.Text.Json.Nodes;
using KnowledgeHub.Testing;

namespace KnowledgeHub.Security.Tests;

/// <summary>
/// The objects the matrix acts on: an open and a closed community led by the lead, with the member
/// and the author as active members; the author's article and question in the open one and an
/// article in the closed one; the member's answer (and the evidence it earns); an executive's objective with a key result; the
/// author's project with a status report. Route templates name them in braces, such as <c>{closedPost}</c>.
/// </summary>
public sealed class HubWorld
{
    private readonly Dictionary<string, string> _ids = new(StringComparer.Ordinal);

    private HubWorld(SecuredHub hub) => Hub = hub;

    public SecuredHub Hub { get; }

    public string this[string name] => _ids[name];

    /// <summary>The template with every <c>{name}</c> replaced by the object's id, and <c>{unique}</c> by a new word.</summary>
    public string Resolve(string template)
    {
        template = template.Replace("{unique}", Guid.NewGuid().ToString("N")[..12], StringComparison.Ordinal);
        foreach (var (name, id) in _ids)
        {
            template = template.Replace("{" + name + "}", id, StringComparison.Ordinal);
        }

        return template;
    }

    public static async Task<HubWorld> CreateAsync(SecuredHub hub)
    {
        var world = new HubWorld(hub);
        foreach (var role in Enum.GetValues<Role>().Where(role => role != Role.Anonymous))
        {
            using var client = hub.Client(role);
            await client.GetJsonAsync("/api/people/me");
            world._ids[role.ToString().ToLowerInvariant()] = hub.Person(role).Id.ToString();
        }

        using var lead = hub.Client(Role.Lead);
        using var author = hub.Client(Role.Author);
        using var member = hub.Client(Role.Member);
        using var executive = hub.Client(Role.Executive);

        // Endorsements apply only to declared skills: the route matrix endorses the lead for this one.
        await lead.PutJsonAsync("/api/people/me/skills/Cryptography", new { level = 3 }, HttpStatusCode.OK);
        var open = await world.NewCommunityAsync("open");
        var closed = await world.NewCommunityAsync("closed");
        world._ids["open"] = Id(open);
        world._ids["openSlug"] = open["slug"]!.GetValue<string>();
        world._ids["closed"] = Id(closed);
        world._ids["closedSlug"] = closed["slug"]!.GetValue<string>();
        foreach (var person in new[] { Role.Member, Role.Author })
        {
            await world.JoinAsync(Id(open), person);
            await world.JoinAsync(Id(closed), person);
        }

        world._ids["openPost"] = await world.NewPostAsync(Id(open), "article");
        world._ids["question"] = await world.NewPostAsync(Id(open), "question");
        world._ids["closedPost"] = await world.NewPostAsync(Id(closed), "question");
        world._ids["answer"] = Id(await member.PostJsonAsync($"/api/posts/{world["question"]}/answers", new { body = "Rotate them yearly." }, HttpStatusCode.Created));
        world._ids["closedAnswer"] = Id(await member.PostJsonAsync($"/api/posts/{world["closedPost"]}/answers", new { body = "Inside only." }, HttpStatusCode.Created));

        var objective = await CreateOnceDepartmentsArriveAsync(executive, "/api/objectives", NewObjective());
        world._ids["objective"] = Id(objective);
        world._ids["keyResult"] = Id(objective["keyResults"]![0]!);
        world._ids["project"] = await world.NewProjectAsync();
        var report = await author.PostJsonAsync($"/api/projects/{world["project"]}/status-reports", new { health = "green", summary = "On track" }, HttpStatusCode.Created);
        world._ids["report"] = Id(report);
        world._ids["memberEvidence"] = await Eventually.GetAsync(
            async () => (await member.GetJsonAsync("/api/people/me/evidence"))["items"]!.AsArray().FirstOrDefault()?["id"]?.GetValue<string>(),
            TimeSpan.FromSeconds(10),
            "the directory to record the member's answer as evidence");
        return world;
    }

    /// <summary>A community the lead creates; <paramref name="visibility"/> is open or closed.</summary>
    public async Task<JsonNode> NewCommunityAsync(string visibility)
    {
        using var lead = Hub.Client(Role.Lead);
        var name = $"Security {visibility} {Guid.NewGuid():N}";
        return await lead.PostJsonAsync("/api/communities", new { name, description = "Practice", tags = new[] { "security" }, visibility }, HttpStatusCode.Created);
    }

    /// <summary>Makes <paramref name="role"/> an active member: joins, and the lead approves where the community is closed.</summary>
    public async Task JoinAsync(string communityId, Role role)
    {
        using var client = Hub.Client(role);
        var joined = await client.PostJsonAsync($"/api/communities/{communityId}/members", new { }, HttpStatusCode.OK);
        if (joined["status"]!.GetValue<string>() == "pending")
        {
            using var lead = Hub.Client(Role.Lead);
            await lead.PutJsonAsync($"/api/communities/{communityId}/members/{Hub.Person(role).Id}", new { role = "member", status = "active" }, HttpStatusCode.OK);
        }
    }

    /// <summary>A post by the author in the community; returns its id.</summary>
    public async Task<string> NewPostAsync(string communityId, string type = "article", string? word = null)
    {
        using var author = Hub.Client(Role.Author);
        var post = await author.PostJsonAsync(
            $"/api/communities/{communityId}/posts",
            new { type, title = $"Rotating certificates {word}", body = "Our runbook.", tags = new[] { "security" } },
            HttpStatusCode.Created);
        return Id(post);
    }

    /// <summary>
    /// A new post in the closed community with a word only it carries, once search finds it for a
    /// member (so that an outsider's empty answer means hidden, not "not indexed yet").
    /// </summary>
    public async Task<(string Post, string Word)> NewClosedPostFoundByMembersAsync()
    {
        var word = "zqclosed" + Guid.NewGuid().ToString("N")[..8];
        var post = await NewPostAsync(this["closed"], "article", word);
        using var member = Hub.Client(Role.Member);
        await Eventually.AssertAsync(
            async () => (await member.GetJsonAsync($"/api/search?q={word}"))["items"]!.AsArray().Any(item => item!["id"]!.GetValue<string>() == post),
            TimeSpan.FromSeconds(10),
            "search to find the closed community's post for a member");
        return (post, word);
    }

    /// <summary>A project the author creates and so leads; returns its id.</summary>
    public async Task<string> NewProjectAsync()
    {
        using var author = Hub.Client(Role.Author);
        return Id(await CreateOnceDepartmentsArriveAsync(author, "/api/projects", NewProject()));
    }

    /// <summary>
    /// Alignment learns departments from the directory's events, a moment after the first profiles
    /// are provisioned; until then it refuses the department names with 400.
    /// </summary>
    private static Task<JsonNode> CreateOnceDepartmentsArriveAsync(HttpClient client, string url, object body) =>
        Eventually.GetAsync(
            async () =>
            {
                using var response = await client.PostAsync(url, System.Net.Http.Json.JsonContent.Create(body));
                if (response.StatusCode == HttpStatusCode.BadRequest)
                {
                    return null;
                }

                await response.EnsureStatusAsync(HttpStatusCode.Created);
                return await response.ReadJsonAsync();
            },
            TimeSpan.FromSeconds(15),
            $"POST {url} to accept the departments of the seeded people");

    /// <summary>An objective; with <paramref name="keyResultId"/> its one key result keeps that id.</summary>
    public static object NewObjective(string? keyResultId = null) => new
    {
        title = "Fewer incidents",
        description = "Halve security incidents",
        department = "IT",
        period = "2026-H2",
        priority = 2,
        keyResults = new[] { new { id = keyResultId, title = "Incidents per quarter", baseline = 10, target = 5, current = 9, unit = "incidents" } },
    };

    public static object NewProject() => new
    {
        name = "Zero trust rollout",
        description = "Every service checks every token",
        sponsorDepartment = "IT",
        partnerDepartments = new[] { "HR" },
        tags = new[] { "security" },
        budget = new { planned = 50000, actual = 1000, currency = "EUR" },
        startDate = "2026-07-01",
        endDate = "2026-12-31",
        status = "active",
    };

    public static string Id(JsonNode node) => node["id"]!.GetValue<string>();
}
