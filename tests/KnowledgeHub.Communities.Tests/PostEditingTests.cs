using System.Net;
using KnowledgeHub.Contracts.Communities;
using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.Communities.Tests;

public abstract class PostEditingTests(CommunitiesFixture fixture)
{
    private readonly TestUser _lead = TestUser.Employee("lead");
    private readonly TestUser _author = TestUser.Employee("author", "FIN");

    [Fact]
    public async Task The_author_edits_a_post_and_its_version_moves_on()
    {
        var (_, author, _, post) = await ArrangeAsync();

        using var response = await author.SendJsonAsync(HttpMethod.Put, $"/api/posts/{post.Id()}", Edited("Patched title"), "\"1\"");

        await response.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
        var read = await author.GetJsonAsync($"/api/posts/{post.Id()}");
        Assert.Equal(("Patched title", "finops"), (read["title"]!.GetValue<string>(), read["tags"]![0]!.GetValue<string>()));
        var updated = await fixture.Host.Events.WaitForAsync<PostUpdated>(evt => evt.PostId.ToString() == post.Id(), "PostUpdated");
        Assert.Equal(("Patched title", 2L, "open"), (updated.Title, updated.Version, updated.CommunityVisibility));
    }

    [Fact]
    public async Task Two_editors_never_overwrite_each_other_silently()
    {
        var (lead, author, _, post) = await ArrangeAsync();
        var etag = $"\"{post["version"]}\"";

        using var leadSaves = await lead.SendJsonAsync(HttpMethod.Put, $"/api/posts/{post.Id()}", Edited("The lead's title"), etag);
        using var authorSaves = await author.SendJsonAsync(HttpMethod.Put, $"/api/posts/{post.Id()}", Edited("The author's title"), etag);

        await leadSaves.EnsureStatusAsync(HttpStatusCode.OK);
        await authorSaves.EnsureStatusAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal("The lead's title", (await author.GetJsonAsync($"/api/posts/{post.Id()}"))["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Another_member_can_neither_edit_nor_delete_a_post()
    {
        var (_, _, member, post) = await ArrangeAsync();

        using var edit = await member.SendJsonAsync(HttpMethod.Put, $"/api/posts/{post.Id()}", Edited("Hijacked"));
        using var delete = await member.DeleteAsync($"/api/posts/{post.Id()}");

        await edit.EnsureStatusAsync(HttpStatusCode.Forbidden);
        await delete.EnsureStatusAsync(HttpStatusCode.Forbidden);
        Assert.Equal(post["title"]!.GetValue<string>(), (await member.GetJsonAsync($"/api/posts/{post.Id()}"))["title"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"type":"article","title":"","body":"Text","tags":[]}""", "title")]
    [InlineData("""{"type":"event","title":"T","body":"Text","tags":[]}""", "type")]
    [InlineData("""{"title":"T","body":"Text","tags":[],"url":"javascript:alert(1)"}""", "url")]
    public async Task A_bad_edit_is_refused_naming_the_field_and_changes_nothing(string body, string field)
    {
        var (_, author, _, post) = await ArrangeAsync();

        using var response = await author.SendRawAsync(HttpMethod.Put, $"/api/posts/{post.Id()}", body);

        await response.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.NotNull((await response.ReadJsonAsync())["errors"]![field]);
        Assert.Equal(1, (await author.GetJsonAsync($"/api/posts/{post.Id()}"))["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task Deleting_a_post_removes_it_with_its_answers()
    {
        var (lead, author, member, post) = await ArrangeAsync();
        var question = await author.PublishAsync(post["communityId"]!.GetValue<string>(), CommunityApi.Question());
        await member.AnswerAsync(question.Id());

        using var deleted = await lead.DeleteAsync($"/api/posts/{question.Id()}");

        await deleted.EnsureStatusAsync(HttpStatusCode.NoContent);
        using var gone = await author.GetAsync($"/api/posts/{question.Id()}");
        await gone.EnsureStatusAsync(HttpStatusCode.NotFound);
        var removed = await fixture.Host.Events.WaitForAsync<PostRemoved>(evt => evt.PostId.ToString() == question.Id(), "PostRemoved");
        Assert.Equal((_author.Id, 2L), (removed.AuthorId, removed.Version));
        Assert.Equal(0, await fixture.Host.CountAsync("SELECT count(*) FROM answers WHERE post_id = @PostId", new { PostId = Guid.Parse(question.Id()) }));
    }

    [Fact]
    public async Task Deleting_against_a_stale_version_is_refused()
    {
        var (_, author, _, post) = await ArrangeAsync();
        using var edited = await author.SendJsonAsync(HttpMethod.Put, $"/api/posts/{post.Id()}", Edited("Newer"));
        await edited.EnsureStatusAsync(HttpStatusCode.OK);

        using var response = await author.SendJsonAsync(HttpMethod.Delete, $"/api/posts/{post.Id()}", body: null, "\"1\"");

        await response.EnsureStatusAsync(HttpStatusCode.PreconditionFailed);
        await author.GetJsonAsync($"/api/posts/{post.Id()}");
    }

    [Fact]
    public async Task A_one_megabyte_body_is_too_large_and_writes_nothing()
    {
        var (_, author, _, post) = await ArrangeAsync();
        var huge = System.Text.Json.JsonSerializer.Serialize(new { type = "article", title = "Huge", body = new string('x', 1024 * 1024), tags = Array.Empty<string>() });

        using var published = await author.SendRawAsync(HttpMethod.Post, $"/api/communities/{post["communityId"]}/posts", huge);
        using var edited = await author.SendRawAsync(HttpMethod.Put, $"/api/posts/{post.Id()}", huge);

        await published.EnsureStatusAsync(HttpStatusCode.RequestEntityTooLarge);
        await edited.EnsureStatusAsync(HttpStatusCode.RequestEntityTooLarge);
        var posts = await author.GetJsonAsync($"/api/communities/{post["communityId"]}/posts");
        Assert.Equal([post.Id()], posts["items"]!.AsArray().Select(item => item!.Id()));
    }

    private static object Edited(string title) =>
        new { type = "article", title, body = "Rewritten", tags = new[] { "finops" } };

    /// <summary>An open community with a lead, an author who published an article, and another member.</summary>
    private async Task<(HttpClient Lead, HttpClient Author, HttpClient Member, System.Text.Json.Nodes.JsonNode Post)> ArrangeAsync()
    {
        var lead = fixture.Host.CreateClient(_lead);
        var author = fixture.Host.CreateClient(_author);
        var member = fixture.Host.CreateClient(TestUser.Employee("member", "HR"));
        var community = await lead.CreateCommunityAsync();
        await author.JoinAsync(community.Id());
        await member.JoinAsync(community.Id());
        return (lead, author, member, await author.PublishAsync(community.Id(), CommunityApi.Article()));
    }
}

public sealed class Post_editing_on_Sqlite(SqliteCommunities fixture) : PostEditingTests(fixture), IClassFixture<SqliteCommunities>;

public sealed class Post_editing_on_Postgres(PostgresCommunities fixture) : PostEditingTests(fixture), IClassFixture<PostgresCommunities>;
