using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using KnowledgeHub.Contracts.Communities;
using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.Communities.Tests;

public abstract class StackExchangeImportTests(CommunitiesFixture fixture)
{
    private const string Posts = """
        <?xml version="1.0" encoding="utf-8"?>
        <posts>
          <row Id="1" PostTypeId="1" AcceptedAnswerId="3" CreationDate="2015-01-27T20:09:32.720" OwnerUserId="4" Title="How should I store whole bean coffee?" Tags="&lt;storage&gt;&lt;whole-bean&gt;" Body="&lt;p&gt;Temperature, humidity?&lt;/p&gt;" />
          <row Id="2" PostTypeId="2" ParentId="1" CreationDate="2015-01-27T21:00:00.000" OwnerUserId="7" Body="&lt;p&gt;In the fridge.&lt;/p&gt;" />
          <row Id="3" PostTypeId="2" ParentId="1" CreationDate="2015-01-28T08:00:00.000" OwnerUserId="8" Body="&lt;p&gt;Airtight, dark, cool.&lt;/p&gt;" />
          <row Id="4" PostTypeId="2" ParentId="99" CreationDate="2015-01-28T09:00:00.000" OwnerUserId="8" Body="&lt;p&gt;Orphan.&lt;/p&gt;" />
          <row Id="5" PostTypeId="1" CreationDate="2015-01-29T09:00:00.000" Title="Anonymous" Tags="&lt;storage&gt;" Body="&lt;p&gt;No owner.&lt;/p&gt;" />
        </posts>
        """;

    private const string Users = """
        <?xml version="1.0" encoding="utf-8"?>
        <users><row Id="8" DisplayName="Barista Bea" /></users>
        """;

    private readonly TestUser _lead = TestUser.Employee("import-lead");

    [Fact]
    public async Task An_imported_history_keeps_its_authors_dates_and_accepted_answers_and_reports_bad_rows()
    {
        var lead = fixture.Host.CreateClient(_lead);
        var community = await lead.CreateCommunityAsync();

        var status = await ImportAndWaitAsync(lead, community.Id(), Posts, Users);

        Assert.Equal(("completed", 1, 2, 1, 3), (Text(status, "status"), Number(status, "questions"), Number(status, "answers"), Number(status, "acceptedAnswers"), Number(status, "people")));
        Assert.Equal(
            ["Post 4: its question 99 is not in the file, or was rejected.", "Post 5: no OwnerUserId (a deleted or anonymous author)."],
            status["rejected"]!.AsArray().Select(row => Text(row!, "reason")).Order());
        var accepted = await fixture.Host.Events.WaitForAsync<AnswerAccepted>(evt => evt.CommunityId.ToString() == community.Id(), "the imported acceptance");
        var bea = PersonIds.FromEmail("se-8@import.invalid");
        Assert.Equal((bea, new DateTimeOffset(2015, 1, 28, 8, 0, 0, TimeSpan.Zero)), (accepted.AnswerAuthorId, accepted.AcceptedAt));
        var question = await lead.GetJsonAsync($"/api/posts/{accepted.PostId}");
        Assert.Equal(("How should I store whole bean coffee?", "2015-01-27T20:09:32.72+00:00"), (Text(question, "title"), Text(question, "createdAt")));
        Assert.Equal(["storage", "whole-bean"], question["tags"]!.AsArray().Select(tag => tag!.GetValue<string>()));
        Assert.Equal((accepted.AnswerId.ToString(), PersonIds.FromEmail("se-4@import.invalid").ToString()), (Text(question, "acceptedAnswerId"), Text(question, "authorId")));
        var people = await fixture.Host.Events.WaitForAsync<PeopleImported>(evt => evt.ImportId.ToString() == Text(status, "id") && evt.People.Any(person => person.Id == bea), "the imported people");
        Assert.Equal(("Barista Bea", "se-8@import.invalid"), (people.People.First(person => person.Id == bea).DisplayName, people.People.First(person => person.Id == bea).Email));
    }

    [Fact]
    public async Task Importing_the_same_file_again_changes_nothing()
    {
        var lead = fixture.Host.CreateClient(_lead);
        var community = await lead.CreateCommunityAsync();
        await ImportAndWaitAsync(lead, community.Id(), Posts, null);

        var again = await ImportAndWaitAsync(lead, community.Id(), Posts, null);

        Assert.Equal((0, 0, 0), (Number(again, "questions"), Number(again, "answers"), Number(again, "acceptedAnswers")));
        var listed = await lead.GetJsonAsync($"/api/communities/{community.Id()}/posts");
        Assert.Single(listed["items"]!.AsArray());
        Assert.Equal(2, listed["items"]![0]!["answerCount"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("<html><body/></html>", "posts")]
    [InlineData("<posts><row Id=\"1\" PostTypeId=\"1\" /><row Id=\"2\"", "posts")]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE posts [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><posts><row Body=\"&x;\" /></posts>", "posts")]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE posts [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">]><posts><row Body=\"&b;\" /></posts>", "posts")]
    public async Task A_file_that_is_not_a_clean_dump_is_refused_whole(string posts, string field)
    {
        var lead = fixture.Host.CreateClient(_lead);
        var community = await lead.CreateCommunityAsync();

        using var response = await PostAsync(lead, community.Id(), posts, null);

        await response.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.NotNull((await response.ReadJsonAsync())["errors"]![field]);
        var listed = await lead.GetJsonAsync($"/api/communities/{community.Id()}/posts");
        Assert.Empty(listed["items"]!.AsArray());
    }

    [Fact]
    public async Task An_email_template_without_the_id_is_refused()
    {
        var lead = fixture.Host.CreateClient(_lead);
        var community = await lead.CreateCommunityAsync();

        using var response = await PostAsync(lead, community.Id(), Posts, null, "everyone@import.invalid");

        await response.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.Contains("{id}", (await response.ReadJsonAsync())["errors"]!["emailTemplate"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_a_lead_imports_and_only_the_starter_watches()
    {
        var lead = fixture.Host.CreateClient(_lead);
        var community = await lead.CreateCommunityAsync();
        var member = fixture.Host.CreateClient(TestUser.Employee("import-member"));
        await member.JoinAsync(community.Id());

        using var refused = await PostAsync(member, community.Id(), Posts, null);
        await refused.EnsureStatusAsync(HttpStatusCode.Forbidden);

        using var started = await PostAsync(lead, community.Id(), Posts, null);
        await started.EnsureStatusAsync(HttpStatusCode.Accepted);
        using var watched = await member.GetAsync(started.Headers.Location);
        await watched.EnsureStatusAsync(HttpStatusCode.NotFound);
    }

    private static async Task<JsonNode> ImportAndWaitAsync(HttpClient client, string communityId, string posts, string? users)
    {
        using var response = await PostAsync(client, communityId, posts, users);
        await response.EnsureStatusAsync(HttpStatusCode.Accepted);
        return await Eventually.GetAsync(
            async () => await client.GetJsonAsync(response.Headers.Location!.ToString()) is var status && Text(status, "status") != "running" ? status : null,
            TimeSpan.FromSeconds(30),
            "the import to finish");
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string communityId, string posts, string? users, string? template = null)
    {
        var form = new MultipartFormDataContent { { new StringContent(posts, Encoding.UTF8, "application/xml"), "posts", "Posts.xml" } };
        if (users is not null)
        {
            form.Add(new StringContent(users, Encoding.UTF8, "application/xml"), "users", "Users.xml");
        }

        if (template is not null)
        {
            form.Add(new StringContent(template), "emailTemplate");
        }

        return client.PostAsync($"/api/communities/{communityId}/imports/stackexchange", form);
    }

    private static string Text(JsonNode node, string name) => node[name]!.GetValue<string>();

    private static int Number(JsonNode node, string name) => node[name]!.GetValue<int>();
}

public sealed class Stack_Exchange_import_on_Sqlite(SqliteCommunities fixture) : StackExchangeImportTests(fixture), IClassFixture<SqliteCommunities>;

public sealed class Stack_Exchange_import_on_Postgres(PostgresCommunities fixture) : StackExchangeImportTests(fixture), IClassFixture<PostgresCommunities>;
