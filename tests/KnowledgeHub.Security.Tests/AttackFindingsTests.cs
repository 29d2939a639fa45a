using System.Net;
using System.Net.Http.Json;
using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.Security.Tests;

/// <summary>Smaller findings of the attack on the hub (issue 24), each as a user or attacker sees it.</summary>
[Collection(SecuredHub.Collection)]
public sealed class AttackFindingsTests(SecuredHub hub)
{
    public static TheoryData<string, string, string> HostileMarkdown()
    {
        string[] routes = ["POST /api/posts/preview", "POST /api/communities/{open}/posts", "POST /api/posts/{question}/answers", "PUT /api/posts/{openPost}"];
        var bodies = new Dictionary<string, string>
        {
            ["quotes 128 deep"] = new string('>', 128) + " deep",
            ["brackets 300 deep"] = new string('[', 300) + "x",
            ["48 KB of emphasis runs"] = string.Concat(Enumerable.Repeat("_a ", 16_000)),
            ["a table that renders to over 256 KB"] = "|a|b|c|d|e|f|g|h|\n|-|-|-|-|-|-|-|-|\n" + string.Concat(Enumerable.Repeat("|x|x|x|x|x|x|x|x|\n", 2_700)),
        };
        var data = new TheoryData<string, string, string>();
        foreach (var route in routes)
        {
            foreach (var (name, body) in bodies)
            {
                data.Add(route, name, body);
            }
        }

        return data;
    }

    /// <summary>Issue 24: nesting answered 500 (Markdig's depth limit), the rest cost CPU or bytes out of all proportion.</summary>
    [Theory]
    [MemberData(nameof(HostileMarkdown))]
    public async Task Hostile_Markdown_is_refused_with_a_400_naming_the_limit(string route, string kind, string body)
    {
        var (method, template) = (route.Split(' ')[0], route.Split(' ')[1]);
        using var client = hub.Client(Role.Author);
        using var request = new HttpRequestMessage(new HttpMethod(method), hub.World.Resolve(template))
        {
            Content = JsonContent.Create(new { type = "article", title = "Hostile " + kind, body, tags = new[] { "markdown" } }),
        };

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Matches("nested more than|emphasis marks|KB of HTML|too complex", (await response.ReadJsonAsync())["errors"]?["body"]?[0]?.GetValue<string>() ?? "no error on body");
    }

    /// <summary>Issue 24: a list page of 100 posts was 12.8 MB; it now carries excerpts (ADR 0039).</summary>
    [Fact]
    public async Task A_list_page_carries_an_excerpt_of_a_long_post_and_the_post_itself_carries_it_all()
    {
        using var author = hub.Client(Role.Author);
        var body = string.Concat(Enumerable.Repeat("A long runbook line. ", 2_000));
        var post = await author.PostJsonAsync($"/api/communities/{hub.World["open"]}/posts", new { type = "article", title = "Very long", body, tags = new[] { "runbooks" } }, HttpStatusCode.Created);
        var id = post["id"]!.GetValue<string>();

        var listed = (await author.GetJsonAsync($"/api/communities/{hub.World["open"]}/posts?sort=new&limit=100"))["items"]!.AsArray().Single(item => item!["id"]!.GetValue<string>() == id)!;
        var whole = await author.GetJsonAsync($"/api/posts/{id}");

        Assert.True(listed["body"]!.GetValue<string>().Length <= 1_000, "the list shows an excerpt");
        Assert.True(listed["bodyTruncated"]!.GetValue<bool>());
        Assert.True(listed["bodyHtml"]!.GetValue<string>().Length < 2_000);
        Assert.Equal(body, whole["body"]!.GetValue<string>());
        Assert.False(whole["bodyTruncated"]!.GetValue<bool>());
    }

    /// <summary>Issue 24: a project's lead could give a colleague any role text, shown on their expert record.</summary>
    [Theory]
    [InlineData("perpetrator")]
    [InlineData("CEO is a fraud")]
    public async Task A_project_role_outside_the_fixed_list_is_refused(string role)
    {
        using var lead = hub.Client(Role.Author);

        using var response = await lead.PutAsync(hub.World.Resolve("/api/projects/{project}/members/{member}"), JsonContent.Create(new { role }), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("developer", (await response.ReadJsonAsync())["errors"]?["role"]?[0]?.GetValue<string>() ?? "no error on role", StringComparison.Ordinal);
    }

    /// <summary>Issue 24: a project could name an id of nobody, and put work on a colleague's expert record without their consent.</summary>
    [Fact]
    public async Task A_project_member_must_exist_and_confirm_before_it_is_evidence()
    {
        using var author = hub.Client(Role.Author);
        using var member = hub.Client(Role.Member);
        using var admin = hub.Client(Role.Admin);
        await admin.PutJsonAsync("/api/skills/Zero-trust", new { aliases = Array.Empty<string>(), category = "Security" }, HttpStatusCode.OK);
        var unconfirmed = await NewProjectAsync(author, $"Unconfirmed {Guid.NewGuid():N}");
        var confirmed = await NewProjectAsync(author, $"Confirmed {Guid.NewGuid():N}");
        var memberId = hub.World["member"];

        using var nobody = await author.PutAsync($"/api/projects/{unconfirmed.Id}/members/{Guid.NewGuid()}", JsonContent.Create(new { role = "developer" }), TestContext.Current.CancellationToken);
        var waiting = await author.PutJsonAsync($"/api/projects/{unconfirmed.Id}/members/{memberId}", new { role = "developer" }, HttpStatusCode.OK);
        await author.PutJsonAsync($"/api/projects/{confirmed.Id}/members/{memberId}", new { role = "developer" }, HttpStatusCode.OK);
        await member.PostJsonAsync($"/api/projects/{confirmed.Id}/members/me/confirmation", new { }, HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.NotFound, nobody.StatusCode);
        Assert.Null(waiting["confirmedAt"]);
        // Alignment's outbox relays in order: the unconfirmed membership, had it been announced, arrived first.
        var details = await Eventually.GetAsync(
            async () => (await member.GetJsonAsync("/api/people/me/evidence?kind=project&limit=100"))["items"]!.AsArray()
                .Select(item => item!["detail"]!.GetValue<string>()).ToList() is var found && found.Any(detail => detail.Contains(confirmed.Name, StringComparison.Ordinal)) ? found : null,
            TimeSpan.FromSeconds(15),
            "the confirmed membership to become the member's evidence");
        Assert.DoesNotContain(details, detail => detail.Contains(unconfirmed.Name, StringComparison.Ordinal));
    }

    private static async Task<(string Id, string Name)> NewProjectAsync(HttpClient author, string name)
    {
        var project = await author.PostJsonAsync("/api/projects", new { name, description = "", sponsorDepartment = "IT", tags = new[] { "zero-trust" }, budget = new { planned = 1000, actual = 0, currency = "EUR" }, startDate = "2026-07-01", endDate = "2026-12-31", status = "active" }, HttpStatusCode.Created);
        return (project["id"]!.GetValue<string>(), name);
    }

    /// <summary>Issue 24: any employee could create global skills with any text; a name now follows a rule.</summary>
    [Theory]
    [InlineData("\u202Eexe.tnemucod")]
    [InlineData("<b>CEO</b>")]
    [InlineData("tab\there")]
    [InlineData("zero\u200Bwidth")]
    [InlineData("-leading dash")]
    [InlineData("./etc")]
    public async Task A_skill_name_outside_the_rule_is_refused_with_a_400_naming_it(string name)
    {
        using var client = hub.Client(Role.Employee);

        using var response = await client.PutAsync("/api/people/me/skills/" + Uri.EscapeDataString(name), JsonContent.Create(new { level = 3 }), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("letters, digits", (await response.ReadJsonAsync())["errors"]?["skill"]?[0]?.GetValue<string>() ?? "no error on skill", StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("C#")]
    [InlineData("CI/CD")]
    [InlineData("Node.js")]
    [InlineData(".NET")]
    [InlineData("Écriture inclusive")]
    public async Task Ordinary_skill_names_are_still_accepted(string name)
    {
        // Someone of their own, so that the matrix's people keep the skills it expects.
        using var client = hub.ClientWithToken(hub.TokenFor(TestUser.Employee("skillful")));

        using var response = await client.PutAsync("/api/people/me/skills/" + Uri.EscapeDataString(name), JsonContent.Create(new { level = 3 }), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_refused_token_is_not_told_why()
    {
        using var client = hub.ClientWithToken("not-a-token");
        using var response = await client.GetAsync("/api/people/me", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task Signing_out_without_the_antiforgery_token_is_a_400_page_and_no_error()
    {
        await using var gateway = new GatewayUnderTest("Development");
        using var client = gateway.Factory.CreateClient();

        using var response = await client.PostAsync("/signout", new FormUrlEncodedContent([]), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The form could not be accepted", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.DoesNotContain(gateway.Logs.Warnings, message => message.Contains("/signout", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Key_discovery_names_the_configured_address_whatever_the_Host_header_says()
    {
        await using var gateway = new GatewayUnderTest("Development", ("Auth:DevSignIn:PublicUrl", "http://gateway.internal:8080"));
        using var client = gateway.Factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/.well-known/openid-configuration");
        request.Headers.Host = "evil.example.com";

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal("http://gateway.internal:8080/.well-known/jwks.json", (await response.ReadJsonAsync())["jwks_uri"]!.GetValue<string>());
    }
}
