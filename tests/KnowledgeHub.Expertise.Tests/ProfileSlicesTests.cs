using System.Net;
using System.Net.Http.Json;
using KnowledgeHub.Contracts.Expertise;
using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.Expertise.Tests;

public abstract class ProfileSlicesTests(ExpertiseFixture fixture)
{
    [Fact]
    public async Task The_first_visit_provisions_a_profile_from_the_sign_in()
    {
        var user = TestUser.Employee("newcomer", "OPS");

        var me = await fixture.Host.CreateClient(user).GetJsonAsync("/api/people/me");

        Assert.Equal(user.Id.ToString(), me["id"]!.GetValue<string>());
        Assert.Equal(user.Email, me["email"]!.GetValue<string>());
        Assert.Equal("OPS", me["department"]!.GetValue<string>());
        await fixture.Host.Events.WaitForAsync<PersonProfileChanged>(evt => evt.PersonId == user.Id, "the new profile's event");
        await fixture.Host.Events.WaitForAsync<DepartmentChanged>(evt => evt.Code == "OPS", "the new department's event");
    }

    [Fact]
    public async Task A_person_is_in_the_directory_from_their_first_request_to_any_route()
    {
        var user = TestUser.Employee("firstvisit", "OPS");
        var colleague = fixture.Host.CreateClient(TestUser.Employee());

        await fixture.Host.CreateClient(user).GetJsonAsync("/api/skills?q=python");

        await Eventually.AssertAsync(
            async () => (await colleague.GetJsonAsync($"/api/people/{user.Id}"))["email"]?.GetValue<string>() == user.Email,
            TimeSpan.FromSeconds(10),
            "the person to be in the directory");
    }

    [Fact]
    public async Task A_first_request_to_another_service_creates_the_profile_from_the_token()
    {
        var user = TestUser.Employee("elsewhere", "FIN");

        await fixture.DeliverAsync(new PersonSeen(user.Id, user.Email, "Seen Elsewhere", "FIN", DateTimeOffset.UtcNow));

        var person = await fixture.Host.CreateClient(TestUser.Employee()).GetJsonAsync($"/api/people/{user.Id}");
        Assert.Equal(("Seen Elsewhere", "FIN"), (person["displayName"]!.GetValue<string>(), person["department"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_stale_if_match_is_refused_and_the_profile_keeps_the_winning_edit()
    {
        var client = fixture.Host.CreateClient(TestUser.Employee());
        using var first = await client.GetAsync("/api/people/me");
        var etag = first.Headers.ETag!.Tag;

        using var winner = await PutAsync(client, etag, "Winner");
        using var loser = await PutAsync(client, etag, "Loser");

        await winner.EnsureStatusAsync(HttpStatusCode.OK);
        await loser.EnsureStatusAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal("Winner", (await client.GetJsonAsync("/api/people/me"))["displayName"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_profile_may_only_name_a_known_department()
    {
        var client = fixture.Host.CreateClient(TestUser.Employee());

        using var response = await client.PutAsJsonAsync("/api/people/me", new { displayName = "Someone", department = "NOWHERE" });

        await response.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.NotNull((await response.ReadJsonAsync())["errors"]!["department"]);
    }

    [Fact]
    public async Task An_import_is_idempotent_by_email_and_reports_bad_rows_by_index()
    {
        var admin = fixture.Host.CreateClient(TestUser.Admin());
        var email = $"imported.{Guid.NewGuid():N}@example.com";
        object[] rows =
        [
            new { email, displayName = "Imported Person", department = "data", skills = new[] { new { name = "Kubernetes", level = 4 } } },
            new { email = "not an email", displayName = "Broken", department = "IT" },
        ];

        var first = await admin.PostJsonAsync("/api/people/import", rows, HttpStatusCode.OK);
        var second = await admin.PostJsonAsync("/api/people/import", rows, HttpStatusCode.OK);

        Assert.Equal(1, first["created"]!.GetValue<int>());
        Assert.Equal(1, first["rejected"]![0]!["index"]!.GetValue<int>());
        Assert.NotNull(first["rejected"]![0]!["errors"]!["email"]);
        Assert.Equal(0, second["created"]!.GetValue<int>());
        Assert.Equal(1, second["unchanged"]!.GetValue<int>());
        var person = await admin.GetJsonAsync($"/api/people/{KnowledgeHub.ServiceDefaults.Auth.PersonIds.FromEmail(email)}");
        Assert.Equal("DATA", person["department"]!.GetValue<string>());
        Assert.Equal("Kubernetes", person["skills"]![0]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_re_import_keeps_the_fields_a_row_leaves_out_and_clears_those_it_sends_as_null()
    {
        var admin = fixture.Host.CreateClient(TestUser.Admin());
        var email = $"reimported.{Guid.NewGuid():N}@example.com";
        await admin.PostJsonAsync(
            "/api/people/import",
            new[] { new { email, displayName = "Re Imported", department = "IT", title = "Architect", location = "Berlin", bio = "Builds things." } },
            HttpStatusCode.OK);

        var again = await admin.PostJsonAsync("/api/people/import", new[] { new { email, displayName = "Re Imported", department = "IT" } }, HttpStatusCode.OK);
        var kept = await admin.GetJsonAsync($"/api/people/{KnowledgeHub.ServiceDefaults.Auth.PersonIds.FromEmail(email)}");
        await admin.PostJsonAsync(
            "/api/people/import",
            new[] { new { email, displayName = "Re Imported", department = "IT", title = (string?)null } },
            HttpStatusCode.OK);
        var cleared = await admin.GetJsonAsync($"/api/people/{KnowledgeHub.ServiceDefaults.Auth.PersonIds.FromEmail(email)}");

        Assert.Equal(1, again["unchanged"]!.GetValue<int>());
        Assert.Equal("Architect", kept["title"]?.GetValue<string>());
        Assert.Equal("Berlin", kept["location"]?.GetValue<string>());
        Assert.Equal("Builds things.", kept["bio"]?.GetValue<string>());
        Assert.Null(cleared["title"]);
        Assert.Equal("Berlin", cleared["location"]?.GetValue<string>());
    }

    [Fact]
    public async Task Malformed_skill_rows_are_reported_by_field_and_the_good_rows_still_import()
    {
        var admin = fixture.Host.CreateClient(TestUser.Admin());
        var good = $"good.{Guid.NewGuid():N}@example.com";
        object[] rows =
        [
            new { email = $"level.{Guid.NewGuid():N}@example.com", displayName = "Bad level", department = "IT", skills = new[] { new { name = "Python", level = 9 } } },
            new { email = $"name.{Guid.NewGuid():N}@example.com", displayName = "Bad name", department = "IT", skills = new[] { new { name = new string('x', 200), level = 3 } } },
            new { email = $"blank.{Guid.NewGuid():N}@example.com", displayName = "", department = "IT" },
            new { email = good, displayName = "Good", department = "IT", skills = new[] { new { name = "py", level = 3 } } },
        ];

        var result = await admin.PostJsonAsync("/api/people/import", rows, HttpStatusCode.OK);

        Assert.Equal(1, result["created"]!.GetValue<int>());
        var rejected = result["rejected"]!.AsArray().ToDictionary(row => row!["index"]!.GetValue<int>(), row => row!["errors"]!);
        Assert.Equal([0, 1, 2], rejected.Keys.Order());
        Assert.NotNull(rejected[0]["skills[0].level"]);
        Assert.NotNull(rejected[1]["skills[0].name"]);
        Assert.NotNull(rejected[2]["displayName"]);
        var person = await admin.GetJsonAsync($"/api/people/{KnowledgeHub.ServiceDefaults.Auth.PersonIds.FromEmail(good)}");
        Assert.Equal("Python", person["skills"]![0]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Only_admins_import_or_rename_departments()
    {
        var employee = fixture.Host.CreateClient(TestUser.Employee());

        using var import = await employee.PostAsJsonAsync("/api/people/import", new[] { new { email = "x@example.com", displayName = "X", department = "IT" } });
        using var rename = await employee.PutAsJsonAsync("/api/departments/IT", new { name = "Information Technology" });

        await import.EnsureStatusAsync(HttpStatusCode.Forbidden);
        await rename.EnsureStatusAsync(HttpStatusCode.Forbidden);
    }

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, string etag, string displayName)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, "/api/people/me") { Content = JsonContent.Create(new { displayName, department = "IT" }) };
        request.Headers.IfMatch.ParseAdd(etag);
        return client.SendAsync(request);
    }
}

public sealed class Profile_slices_on_Sqlite(SqliteExpertise fixture) : ProfileSlicesTests(fixture), IClassFixture<SqliteExpertise>;

public sealed class Profile_slices_on_Postgres(PostgresExpertise fixture) : ProfileSlicesTests(fixture), IClassFixture<PostgresExpertise>;
