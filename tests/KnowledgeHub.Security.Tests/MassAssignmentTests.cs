using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.Security.Tests;

/// <summary>
/// Request bodies carry only what a client may set: ids, authors, leads, roles, counts and
/// timestamps slipped into a body are ignored (or the body refused) and never change what they name.
/// </summary>
[Collection(SecuredHub.Collection)]
public sealed class MassAssignmentTests(SecuredHub hub)
{
    private static readonly string ForgedId = Guid.NewGuid().ToString();
    private static readonly DateTimeOffset LongAgo = new(2001, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private HubWorld World => hub.World;

    [Fact]
    public async Task Creating_a_community_cannot_choose_its_id_leads_member_count_or_creation_time()
    {
        var started = DateTimeOffset.UtcNow.AddMinutes(-1);
        var body = With(
            new { name = $"Forged {Guid.NewGuid():N}", description = "d", tags = new[] { "x" }, visibility = "open" },
            new { id = ForgedId, leads = new[] { new { id = World["employee"] } }, memberCount = 500, createdAt = LongAgo, version = 99 });

        var created = await SendAsync(Role.Member, HttpMethod.Post, "/api/communities", body, HttpStatusCode.Created);

        if (created is not null)
        {
            Assert.NotEqual(ForgedId, HubWorld.Id(created));
            Assert.Equal([World["member"]], created["leads"]!.AsArray().Select(lead => lead!["id"]!.GetValue<string>()));
            Assert.Equal(1, created["memberCount"]!.GetValue<int>());
            Assert.True(created["createdAt"]!.GetValue<DateTimeOffset>() > started, "createdAt is the server's time");
        }

        await AssertNotFoundAsync($"/api/communities/{ForgedId}");
    }

    [Fact]
    public async Task Editing_a_community_cannot_change_its_leads_or_member_count()
    {
        var before = await ReadAsync(Role.Lead, $"/api/communities/{World["open"]}");
        var body = With(
            new { name = before["name"]!.GetValue<string>(), description = "d", tags = new[] { "security" }, visibility = "open" },
            new { id = ForgedId, leads = new[] { new { id = World["employee"] } }, memberCount = 500, createdAt = LongAgo });

        await SendAsync(Role.Lead, HttpMethod.Put, $"/api/communities/{World["open"]}", body, HttpStatusCode.OK);

        var after = await ReadAsync(Role.Lead, $"/api/communities/{World["open"]}");
        Assert.Equal(Facts(before, "id", "leads", "memberCount", "createdAt"), Facts(after, "id", "leads", "memberCount", "createdAt"));
    }

    [Fact]
    public async Task Publishing_a_post_cannot_choose_its_author_community_counts_or_accepted_answer()
    {
        var body = With(
            new { type = "question", title = "Who wrote this?", body = "b", tags = new[] { "x" } },
            new
            {
                id = ForgedId,
                authorId = World["lead"],
                communityId = World["closed"],
                answerCount = 7,
                acceptedAnswerId = World["answer"],
                reactions = 42,
                createdAt = LongAgo,
            });

        var post = await SendAsync(Role.Member, HttpMethod.Post, $"/api/communities/{World["open"]}/posts", body, HttpStatusCode.Created);

        if (post is not null)
        {
            var read = await ReadAsync(Role.Member, $"/api/posts/{HubWorld.Id(post)}");
            Assert.Equal(
                (World["member"], World["open"], 0, 0, (string?)null),
                (Text(read, "authorId"), Text(read, "communityId"), read["answerCount"]!.GetValue<int>(), read["reactions"]!.GetValue<int>(), read["acceptedAnswerId"]?.GetValue<string>()));
            Assert.NotEqual(ForgedId, HubWorld.Id(read));
        }

        await AssertNotFoundAsync($"/api/posts/{ForgedId}");
    }

    [Fact]
    public async Task Editing_a_post_cannot_hand_it_to_another_author_or_community()
    {
        var postId = await World.NewPostAsync(World["open"]);
        var body = With(
            new { title = "Rotating certificates", body = "Edited.", tags = new[] { "security" } },
            new { authorId = World["lead"], communityId = World["closed"], answerCount = 3, type = "event" });

        await SendAsync(Role.Author, HttpMethod.Put, $"/api/posts/{postId}", body, HttpStatusCode.OK);

        var read = await ReadAsync(Role.Author, $"/api/posts/{postId}");
        Assert.Equal((World["author"], World["open"], 0, "article"), (Text(read, "authorId"), Text(read, "communityId"), read["answerCount"]!.GetValue<int>(), Text(read, "type")));
    }

    [Fact]
    public async Task Answering_cannot_choose_the_author_or_mark_the_answer_accepted()
    {
        var body = With(new { body = "Self-accepted?" }, new { id = ForgedId, authorId = World["lead"], accepted = true, postId = World["closedPost"] });

        var answer = await SendAsync(Role.Member, HttpMethod.Post, $"/api/posts/{World["question"]}/answers", body, HttpStatusCode.Created);

        if (answer is not null)
        {
            Assert.Equal((World["member"], World["question"], false), (Text(answer, "authorId"), Text(answer, "postId"), answer["accepted"]!.GetValue<bool>()));
        }
    }

    [Fact]
    public async Task Editing_my_profile_cannot_change_my_id_email_roles_or_someone_elses_profile()
    {
        using var employee = hub.Client(Role.Employee);
        var lead = await ReadAsync(Role.Employee, $"/api/people/{World["lead"]}");
        var body = With(
            new { displayName = "Mallory", department = "IT" },
            new { id = World["lead"], email = hub.Person(Role.Lead).Email, roles = new[] { "admin" }, skills = new[] { new { name = "Kubernetes", level = 5, endorsements = 99 } } });

        await SendAsync(Role.Employee, HttpMethod.Put, "/api/people/me", body, HttpStatusCode.OK);

        var me = await ReadAsync(Role.Employee, "/api/people/me");
        Assert.Equal((World["employee"], hub.Person(Role.Employee).Email, "Mallory"), (Text(me, "id"), Text(me, "email"), Text(me, "displayName")));
        Assert.DoesNotContain(me["skills"]!.AsArray(), skill => skill!["endorsements"]!.GetValue<int>() == 99);
        Assert.Equal(Text(lead, "displayName"), Text(await ReadAsync(Role.Employee, $"/api/people/{World["lead"]}"), "displayName"));
        using var adminOnly = await employee.PutAsync("/api/departments/MAL", Content(new JsonObject { ["name"] = "Mallory's" }), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, adminOnly.StatusCode);
    }

    [Fact]
    public async Task Creating_a_project_cannot_choose_its_lead_id_or_timestamps()
    {
        var started = DateTimeOffset.UtcNow.AddMinutes(-1);
        var body = With(HubWorld.NewProject(), new { id = ForgedId, leadId = World["lead"], createdAt = LongAgo, version = 99, members = new[] { new { personId = World["employee"], role = "lead" } } });

        var project = await SendAsync(Role.Member, HttpMethod.Post, "/api/projects", body, HttpStatusCode.Created);

        if (project is not null)
        {
            var read = await ReadAsync(Role.Member, $"/api/projects/{HubWorld.Id(project)}");
            Assert.Equal(World["member"], Text(read, "leadId"));
            Assert.NotEqual(ForgedId, HubWorld.Id(read));
            Assert.True(read["createdAt"]!.GetValue<DateTimeOffset>() > started, "createdAt is the server's time");
            using var employee = hub.Client(Role.Employee);
            using var edit = await employee.PutAsync($"/api/projects/{HubWorld.Id(project)}", Content(JsonSerializer.SerializeToNode(HubWorld.NewProject(), JsonSerializerOptions.Web)!), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        }
    }

    [Theory]
    [InlineData("lead")]
    [InlineData("Admin")]
    [InlineData("superuser")]
    public async Task The_dev_sign_in_grants_no_role_it_does_not_know(string role)
    {
        using var client = hub.Client(Role.Anonymous);
        using var response = await client.PostAsync(
            "/api/auth/dev-login",
            Content(new JsonObject { ["email"] = "mallory@example.com", ["roles"] = new JsonArray(role) }),
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    /// <summary>A legitimate body with forged fields added.</summary>
    private static JsonObject With(object legitimate, object forged)
    {
        var body = JsonSerializer.SerializeToNode(legitimate, JsonSerializerOptions.Web)!.AsObject();
        foreach (var (name, value) in JsonSerializer.SerializeToNode(forged, JsonSerializerOptions.Web)!.AsObject())
        {
            body[name] = value?.DeepClone();
        }

        return body;
    }

    /// <summary>Sends the body; the answer is either success (returned) or a 400 refusing it (null).</summary>
    private async Task<JsonNode?> SendAsync(Role role, HttpMethod method, string path, JsonNode body, HttpStatusCode success)
    {
        using var client = hub.Client(role);
        using var response = await client.SendAsync(new HttpRequestMessage(method, path) { Content = Content(body) }, TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == success || response.StatusCode == HttpStatusCode.BadRequest, $"{method} {path} answered {(int)response.StatusCode}");
        return response.StatusCode == success ? await response.ReadJsonAsync() : null;
    }

    private async Task<JsonNode> ReadAsync(Role role, string path)
    {
        using var client = hub.Client(role);
        return await client.GetJsonAsync(path);
    }

    private async Task AssertNotFoundAsync(string path)
    {
        using var client = hub.Client(Role.Admin);
        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static StringContent Content(JsonNode body) => new(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");

    private static string? Text(JsonNode node, string name) => node[name]?.GetValue<string>();

    private static string Facts(JsonNode node, params string[] names) =>
        string.Join("|", names.Select(name => node[name]?.ToJsonString()));
}
