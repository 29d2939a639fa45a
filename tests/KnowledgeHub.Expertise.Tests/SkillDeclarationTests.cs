using System.Net;
using System.Net.Http.Json;
using KnowledgeHub.Contracts.Expertise;
using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.Expertise.Tests;

public abstract class SkillDeclarationTests(ExpertiseFixture fixture)
{
    [Theory]
    [InlineData("k8s")]
    [InlineData("Kubernetes")]
    [InlineData("kubernetes")]
    [InlineData("  KUBERNETES ")]
    public async Task Aliases_and_case_declare_the_one_canonical_skill(string typed)
    {
        var (user, client) = await fixture.PersonAsync();

        var declared = await client.PutJsonAsync($"/api/people/me/skills/{Uri.EscapeDataString(typed)}", new { level = 4 }, HttpStatusCode.OK);

        Assert.Equal("Kubernetes", declared["name"]!.GetValue<string>());
        Assert.Equal(4, declared["level"]!.GetValue<int>());
        var me = await client.GetJsonAsync("/api/people/me");
        Assert.Equal(["Kubernetes"], me["skills"]!.AsArray().Select(skill => skill!["name"]!.GetValue<string>()));
        await fixture.Host.Events.WaitForAsync<PersonProfileChanged>(
            evt => evt.PersonId == user.Id && evt.Skills.SequenceEqual(["Kubernetes"]), "the profile event with the declared skill");
    }

    [Fact]
    public async Task Declaring_again_changes_the_level_and_withdrawing_removes_the_skill()
    {
        var (user, client) = await fixture.PersonAsync();
        var skill = Evidence.UniqueTag();

        await client.PutJsonAsync($"/api/people/me/skills/{skill}", new { level = 2 }, HttpStatusCode.OK);
        var raised = await client.PutJsonAsync($"/api/people/me/skills/{skill.ToUpperInvariant()}", new { level = 5 }, HttpStatusCode.OK);
        using var withdrawn = await client.DeleteAsync($"/api/people/me/skills/{skill}");
        using var again = await client.DeleteAsync($"/api/people/me/skills/{skill}");

        Assert.Equal(5, raised["level"]!.GetValue<int>());
        await withdrawn.EnsureStatusAsync(HttpStatusCode.NoContent);
        await again.EnsureStatusAsync(HttpStatusCode.NoContent);
        Assert.Empty((await client.GetJsonAsync("/api/people/me"))["skills"]!.AsArray());
        await fixture.Host.Events.WaitForAsync<PersonProfileChanged>(
            evt => evt.PersonId == user.Id && evt.Skills.Count == 0 && evt.Version >= 4, "the profile event after the withdrawal");
    }

    [Fact]
    public async Task A_skill_name_with_a_slash_works_in_the_path()
    {
        var (_, client) = await fixture.PersonAsync();

        var plain = await client.PutJsonAsync("/api/people/me/skills/ci-cd", new { level = 3 }, HttpStatusCode.OK);
        var encoded = await client.PutJsonAsync("/api/people/me/skills/CI%2FCD", new { level = 4 }, HttpStatusCode.OK);
        var raw = await client.PutJsonAsync("/api/people/me/skills/CI/CD", new { level = 5 }, HttpStatusCode.OK);

        Assert.All([plain, encoded, raw], declared => Assert.Equal("CI/CD", declared["name"]!.GetValue<string>()));
        Assert.Single((await client.GetJsonAsync("/api/people/me"))["skills"]!.AsArray());
    }

    [Theory]
    [InlineData(0, "level")]
    [InlineData(6, "level")]
    [InlineData(null, "level")]
    public async Task A_level_outside_1_to_5_is_refused_and_nothing_changes(int? level, string field)
    {
        var (_, client) = await fixture.PersonAsync();

        using var response = await client.PutAsJsonAsync($"/api/people/me/skills/{Evidence.UniqueTag()}", new { level });

        await response.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.NotNull((await response.ReadJsonAsync())["errors"]![field]);
        var me = await client.GetJsonAsync("/api/people/me");
        Assert.Empty(me["skills"]!.AsArray());
        Assert.Equal(1, me["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task Empty_and_overlong_skill_names_are_refused()
    {
        var (_, client) = await fixture.PersonAsync();

        using var blank = await client.PutAsJsonAsync("/api/people/me/skills/%20%20", new { level = 3 });
        using var overlong = await client.PutAsJsonAsync($"/api/people/me/skills/{new string('x', 200)}", new { level = 3 });
        using var overlongDelete = await client.DeleteAsync($"/api/people/me/skills/{new string('x', 250)}");

        foreach (var response in new[] { blank, overlong, overlongDelete })
        {
            await response.EnsureStatusAsync(HttpStatusCode.BadRequest);
            Assert.NotNull((await response.ReadJsonAsync())["errors"]!["skill"]);
        }

        Assert.Empty((await client.GetJsonAsync("/api/people/me"))["skills"]!.AsArray());
    }

    [Fact]
    public async Task A_stale_if_match_on_a_skill_is_refused()
    {
        var (_, client) = await fixture.PersonAsync();
        using var first = await client.GetAsync("/api/people/me");
        var etag = first.Headers.ETag!.Tag;
        await client.PutJsonAsync("/api/people/me", new { displayName = "Renamed", department = "IT" }, HttpStatusCode.OK);

        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/people/me/skills/{Evidence.UniqueTag()}") { Content = JsonContent.Create(new { level = 3 }) };
        request.Headers.IfMatch.ParseAdd(etag);
        using var response = await client.SendAsync(request);

        await response.EnsureStatusAsync(HttpStatusCode.PreconditionFailed);
        Assert.Empty((await client.GetJsonAsync("/api/people/me"))["skills"]!.AsArray());
    }

    [Fact]
    public async Task The_directory_lists_people_by_name_and_filters_by_department_skill_and_text()
    {
        var marker = Evidence.UniqueTag("dir");
        var department = "D" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var admin = fixture.Host.CreateClient(TestUser.Admin());
        var rows = new[] { "Cleo", "anna", "Bert" }.Select(name => new
        {
            email = $"{name.ToLowerInvariant()}.{marker}@example.com",
            displayName = $"{name} {marker}",
            department,
            skills = name == "Bert" ? Array.Empty<object>() : [new { name = marker, level = 3 }],
        }).ToArray();
        await admin.PostJsonAsync("/api/people/import", rows, HttpStatusCode.OK);

        var firstPage = await admin.GetJsonAsync($"/api/people?department={department.ToLowerInvariant()}&limit=2");
        var secondPage = await admin.GetJsonAsync($"/api/people?department={department}&limit=2&cursor={firstPage["nextCursor"]}");
        var withSkill = await admin.GetJsonAsync($"/api/people?skill={marker.ToUpperInvariant()}");
        var byText = await admin.GetJsonAsync($"/api/people?q=BERT%20{marker}");

        Assert.Equal(["anna", "Bert"], Names(firstPage).Select(name => name.Split(' ')[0]));
        Assert.Equal(["Cleo"], Names(secondPage).Select(name => name.Split(' ')[0]));
        Assert.Null(secondPage["nextCursor"]);
        Assert.Equal(2, withSkill["items"]!.AsArray().Count);
        Assert.Equal([$"Bert {marker}"], Names(byText));
    }

    [Theory]
    [InlineData("/api/people?limit=0", "limit")]
    [InlineData("/api/people?cursor=nonsense", "cursor")]
    [InlineData("/api/people?department=no%20such", "department")]
    public async Task The_directory_refuses_bad_queries(string url, string field)
    {
        using var response = await fixture.Host.CreateClient(TestUser.Employee()).GetAsync(url);

        await response.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.NotNull((await response.ReadJsonAsync())["errors"]![field]);
    }

    private static IEnumerable<string> Names(System.Text.Json.Nodes.JsonNode page) =>
        page["items"]!.AsArray().Select(item => item!["displayName"]!.GetValue<string>());
}

public sealed class Skill_declarations_on_Sqlite(SqliteExpertise fixture) : SkillDeclarationTests(fixture), IClassFixture<SqliteExpertise>;

public sealed class Skill_declarations_on_Postgres(PostgresExpertise fixture) : SkillDeclarationTests(fixture), IClassFixture<PostgresExpertise>;
