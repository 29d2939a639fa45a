using System.Net;
using Xunit;
using static KnowledgeHub.Communities.Tests.PermissionScene;

namespace KnowledgeHub.Communities.Tests;

/// <summary>
/// Who may call each route, for a lead, a member, the author of a post, a pending applicant and an
/// outsider. A closed community is listed to everyone, but its posts, answers and members are not:
/// to anyone but its active members they do not exist (404).
/// </summary>
public abstract class PermissionTests(CommunitiesFixture fixture)
{
    private const HttpStatusCode Ok = HttpStatusCode.OK;
    private const HttpStatusCode Created = HttpStatusCode.Created;
    private const HttpStatusCode NoContent = HttpStatusCode.NoContent;
    private const HttpStatusCode Forbidden = HttpStatusCode.Forbidden;
    private const HttpStatusCode NotFound = HttpStatusCode.NotFound;

    [Fact]
    public async Task Everyone_sees_that_a_community_exists() =>
        await (await SceneAsync()).ExpectAsync(
            (client, community) => client.GetAsync($"/api/communities/{community.Id}"),
            open: Everyone(Ok),
            closed: EveryoneInClosed(Ok));

    [Fact]
    public async Task Only_leads_edit_a_community() =>
        await (await SceneAsync()).ExpectAsync(
            (client, community) => client.SendJsonAsync(
                HttpMethod.Put, $"/api/communities/{community.Id}", new { name = community.Name, description = "Edited", tags = Array.Empty<string>(), visibility = community.Visibility }),
            open: new Dictionary<string, HttpStatusCode> { [Lead] = Ok, [Member] = Forbidden, [Author] = Forbidden, [Outsider] = Forbidden },
            closed: new Dictionary<string, HttpStatusCode> { [Lead] = Ok, [Member] = Forbidden, [Author] = Forbidden, [Applicant] = NotFound, [Outsider] = NotFound });

    [Fact]
    public async Task Only_leads_see_insights() =>
        await (await SceneAsync()).ExpectAsync(
            (client, community) => client.GetAsync($"/api/communities/{community.Id}/insights"),
            open: new Dictionary<string, HttpStatusCode> { [Lead] = Ok, [Member] = Forbidden, [Author] = Forbidden, [Outsider] = Forbidden },
            closed: new Dictionary<string, HttpStatusCode> { [Lead] = Ok, [Member] = Forbidden, [Author] = Forbidden, [Applicant] = NotFound, [Outsider] = NotFound });

    [Fact]
    public async Task Members_of_a_closed_community_are_listed_to_its_members_only() =>
        await (await SceneAsync()).ExpectAsync(
            (client, community) => client.GetAsync($"/api/communities/{community.Id}/members"),
            open: Everyone(Ok),
            closed: MembersOnly(Ok));

    [Fact]
    public async Task Only_leads_approve_and_promote_members()
    {
        var scene = await SceneAsync();
        await scene.ExpectAsync(
            (client, community) => client.SendJsonAsync(
                HttpMethod.Put, $"/api/communities/{community.Id}/members/{scene.People[Member].User.Id}", new { role = "member", status = "active" }),
            open: new Dictionary<string, HttpStatusCode> { [Lead] = Ok, [Member] = Forbidden, [Author] = Forbidden, [Outsider] = Forbidden },
            closed: new Dictionary<string, HttpStatusCode> { [Lead] = Ok, [Member] = Forbidden, [Author] = Forbidden, [Applicant] = NotFound, [Outsider] = NotFound });
    }

    [Fact]
    public async Task Only_active_members_post() =>
        await (await SceneAsync()).ExpectAsync(
            (client, community) => client.SendJsonAsync(HttpMethod.Post, $"/api/communities/{community.Id}/posts", CommunityApi.Article()),
            open: new Dictionary<string, HttpStatusCode> { [Lead] = Created, [Member] = Created, [Author] = Created, [Outsider] = Forbidden },
            closed: new Dictionary<string, HttpStatusCode> { [Lead] = Created, [Member] = Created, [Author] = Created, [Applicant] = Forbidden, [Outsider] = Forbidden });

    [Fact]
    public async Task Posts_of_a_closed_community_are_listed_to_its_members_only() =>
        await (await SceneAsync()).ExpectAsync(
            (client, community) => client.GetAsync($"/api/communities/{community.Id}/posts"),
            open: Everyone(Ok),
            closed: MembersOnly(Ok));

    [Fact]
    public async Task A_post_of_a_closed_community_is_read_by_its_members_only() =>
        await (await SceneAsync()).ExpectAsync(
            (client, community) => client.GetAsync($"/api/posts/{community.QuestionId}"),
            open: Everyone(Ok),
            closed: MembersOnly(Ok));

    [Fact]
    public async Task Only_the_author_or_a_lead_edit_a_post() =>
        await (await SceneAsync()).ExpectAsync(
            (client, community) => client.SendJsonAsync(HttpMethod.Put, $"/api/posts/{community.QuestionId}", CommunityApi.Question("Edited")),
            open: AuthorOrLead(Ok, outsider: Forbidden),
            closed: AuthorOrLead(Ok, outsider: NotFound));

    [Fact]
    public async Task Only_the_author_or_a_lead_delete_a_post()
    {
        var scene = await SceneAsync();
        await scene.ExpectAsync(
            async (client, community) =>
            {
                var post = await scene.Client(Author).PublishAsync(community.Id, CommunityApi.Article());
                return await client.DeleteAsync($"/api/posts/{post.Id()}");
            },
            open: AuthorOrLead(NoContent, outsider: Forbidden),
            closed: AuthorOrLead(NoContent, outsider: NotFound));
    }

    [Fact]
    public async Task Only_active_members_answer() =>
        await (await SceneAsync()).ExpectAsync(
            (client, community) => client.SendJsonAsync(HttpMethod.Post, $"/api/posts/{community.QuestionId}/answers", new { body = "An answer" }),
            open: new Dictionary<string, HttpStatusCode> { [Lead] = Created, [Member] = Created, [Author] = Created, [Outsider] = Forbidden },
            closed: MembersOnly(Created));

    [Fact]
    public async Task Only_the_asker_or_a_lead_accept_an_answer() =>
        await (await SceneAsync()).ExpectAsync(
            (client, community) => client.SendJsonAsync(HttpMethod.Post, $"/api/posts/{community.QuestionId}/accepted-answer", new { answerId = community.AnswerId }),
            open: AuthorOrLead(Ok, outsider: Forbidden),
            closed: AuthorOrLead(Ok, outsider: NotFound));

    [Fact]
    public async Task Whoever_reads_a_post_may_find_it_helpful() =>
        await (await SceneAsync()).ExpectAsync(
            (client, community) => client.SendJsonAsync(HttpMethod.Post, $"/api/posts/{community.QuestionId}/reactions", new { kind = "helpful" }),
            open: Everyone(Ok),
            closed: MembersOnly(Ok));

    [Fact]
    public async Task Whoever_reads_a_post_may_take_back_a_reaction() =>
        await (await SceneAsync()).ExpectAsync(
            (client, community) => client.DeleteAsync($"/api/posts/{community.QuestionId}/reactions"),
            open: Everyone(NoContent),
            closed: MembersOnly(NoContent));

    [Fact]
    public async Task Anyone_asks_to_join_and_only_members_and_applicants_have_something_to_leave()
    {
        var scene = await SceneAsync();
        await scene.ExpectAsync(
            (client, community) => client.SendJsonAsync(HttpMethod.Post, $"/api/communities/{community.Id}/members", new { }),
            open: Everyone(Ok),
            closed: EveryoneInClosed(Ok));
        await scene.ExpectAsync(
            (client, community) => client.DeleteAsync($"/api/communities/{community.Id}/members/me"),
            open: new Dictionary<string, HttpStatusCode> { [Lead] = HttpStatusCode.Conflict, [Member] = NoContent, [Author] = NoContent, [Outsider] = NoContent },
            closed: new Dictionary<string, HttpStatusCode> { [Lead] = HttpStatusCode.Conflict, [Member] = NoContent, [Applicant] = NoContent, [Outsider] = NoContent });
    }

    private static Dictionary<string, HttpStatusCode> Everyone(HttpStatusCode status) =>
        new() { [Lead] = status, [Member] = status, [Author] = status, [Outsider] = status };

    private static Dictionary<string, HttpStatusCode> EveryoneInClosed(HttpStatusCode status) =>
        new() { [Lead] = status, [Member] = status, [Author] = status, [Applicant] = status, [Outsider] = status };

    private static Dictionary<string, HttpStatusCode> MembersOnly(HttpStatusCode status) =>
        new() { [Lead] = status, [Member] = status, [Author] = status, [Applicant] = NotFound, [Outsider] = NotFound };

    /// <summary>The author's question: the author and the lead may; the member may not; outsiders (and applicants) get <paramref name="outsider"/>.</summary>
    private static Dictionary<string, HttpStatusCode> AuthorOrLead(HttpStatusCode status, HttpStatusCode outsider) =>
        outsider == NotFound
            ? new() { [Author] = status, [Lead] = status, [Member] = Forbidden, [Applicant] = NotFound, [Outsider] = NotFound }
            : new() { [Author] = status, [Lead] = status, [Member] = Forbidden, [Outsider] = outsider };

    private Task<PermissionScene> SceneAsync() => PermissionScene.CreateAsync(fixture.Host);
}

public sealed class Permissions_on_Sqlite(SqliteCommunities fixture) : PermissionTests(fixture), IClassFixture<SqliteCommunities>;

public sealed class Permissions_on_Postgres(PostgresCommunities fixture) : PermissionTests(fixture), IClassFixture<PostgresCommunities>;
