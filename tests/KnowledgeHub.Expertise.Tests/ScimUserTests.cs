using System.Net;
using System.Text.Json.Nodes;
using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.Expertise.Tests;

/// <summary>
/// SCIM Users (ADR 0068): the examples of RFC 7644 §3.3 to §3.5 and the request sequences the
/// Okta and Microsoft Entra ID SCIM validators send, replayed against the module.
/// </summary>
public abstract class ScimUserTests(ExpertiseFixture fixture)
{
    private static readonly HttpMethod Patch = HttpMethod.Patch;

    [Fact]
    public async Task The_RFC_7644_examples_create_get_filter_replace_and_patch_a_user()
    {
        var scim = fixture.ScimClient();
        var email = Unique("bjensen");
        // RFC 7644 §3.3, with an e-mail as userName: the hub's people are named by their address.
        var created = (await scim.ScimAsync(HttpMethod.Post, "/scim/v2/Users", $$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"{{email}}","externalId":"bjensen",
             "name":{"formatted":"Ms. Barbara J Jensen III","familyName":"Jensen","givenName":"Barbara"} }
            """, HttpStatusCode.Created))!;
        var id = created["id"]!.GetValue<string>();
        Assert.Equal(PersonIds.FromEmail(email).ToString(), id);
        Assert.Equal((email, "bjensen", true, "User"), (created["userName"]!.GetValue<string>(), created["externalId"]!.GetValue<string>(), created["active"]!.GetValue<bool>(), created["meta"]!["resourceType"]!.GetValue<string>()));
        Assert.EndsWith($"/scim/v2/Users/{id}", created["meta"]!["location"]!.GetValue<string>(), StringComparison.Ordinal);

        // §3.4.1 and §3.4.2.2: by id, and by a filter on userName in another case.
        var read = (await scim.ScimAsync(HttpMethod.Get, $"/scim/v2/Users/{id}", null, HttpStatusCode.OK))!;
        Assert.Equal("Barbara Jensen", read["displayName"]!.GetValue<string>());
        var filtered = (await scim.ScimAsync(HttpMethod.Get, $"/scim/v2/Users?filter={Uri.EscapeDataString($"userName eq \"{email.ToUpperInvariant()}\"")}", null, HttpStatusCode.OK))!;
        Assert.Equal(1, filtered["totalResults"]!.GetValue<int>());
        Assert.Equal("urn:ietf:params:scim:api:messages:2.0:ListResponse", filtered["schemas"]![0]!.GetValue<string>());
        Assert.Equal(id, filtered["Resources"]![0]!["id"]!.GetValue<string>());

        // §3.5.1: replace the whole User.
        var replaced = (await scim.ScimAsync(HttpMethod.Put, $"/scim/v2/Users/{id}", $$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"{{id}}","userName":"{{email}}","externalId":"bjensen",
             "name":{"familyName":"Jensen","givenName":"Babs"},"displayName":"Babs Jensen","title":"Tour Guide",
             "emails":[{"value":"bjensen@example.com","type":"work","primary":true}]}
            """, HttpStatusCode.OK))!;
        Assert.Equal(("Babs", "Tour Guide", "bjensen@example.com"), (replaced["name"]!["givenName"]!.GetValue<string>(), replaced["title"]!.GetValue<string>(), replaced["emails"]![0]!["value"]!.GetValue<string>()));

        // §3.5.2: add, replace and remove, with and without a path.
        var patched = (await scim.ScimAsync(Patch, $"/scim/v2/Users/{id}", ScimCalls.Patch(
            """{"op":"add","value":{"title":"Senior Guide","nickName":"Babs"}}""",
            """{"op":"replace","path":"name.familyName","value":"Jensen-Smith"}""",
            """{"op":"remove","path":"externalId"}"""), HttpStatusCode.OK))!;
        Assert.Equal(("Senior Guide", "Jensen-Smith"), (patched["title"]!.GetValue<string>(), patched["name"]!["familyName"]!.GetValue<string>()));
        Assert.Null(patched["externalId"]);
    }

    [Fact]
    public async Task Okta_validator_sequence_provisions_updates_and_deactivates()
    {
        var scim = fixture.ScimClient();
        var email = Unique("okta");
        var byName = $"/scim/v2/Users?filter={Uri.EscapeDataString($"userName eq \"{email}\"")}&startIndex=1&count=100";

        var none = (await scim.ScimAsync(HttpMethod.Get, byName, null, HttpStatusCode.OK))!;
        Assert.Equal((0, 0), (none["totalResults"]!.GetValue<int>(), none["Resources"]!.AsArray().Count));
        var body = JsonNode.Parse(ScimCalls.NewUser(email, "Olivia", "Kta"))!.AsObject();
        body["password"] = "t1meMa$heen";
        var id = (await scim.ScimAsync(HttpMethod.Post, "/scim/v2/Users", body.ToJsonString(), HttpStatusCode.Created))!["id"]!.GetValue<string>();
        await scim.ScimAsync(HttpMethod.Get, $"/scim/v2/Users/{id}", null, HttpStatusCode.OK);
        Assert.Equal(1, (await scim.ScimAsync(HttpMethod.Get, byName, null, HttpStatusCode.OK))!["totalResults"]!.GetValue<int>());
        await scim.ScimErrorAsync(HttpMethod.Get, $"/scim/v2/Users/{Guid.NewGuid()}", null, HttpStatusCode.NotFound);

        body["name"]!["givenName"] = "Liv";
        body["displayName"] = "Liv Kta";
        var put = (await scim.ScimAsync(HttpMethod.Put, $"/scim/v2/Users/{id}", body.ToJsonString(), HttpStatusCode.OK))!;
        Assert.Equal("Liv Kta", put["displayName"]!.GetValue<string>());
        var off = (await scim.ScimAsync(Patch, $"/scim/v2/Users/{id}", ScimCalls.Patch("""{"op":"replace","value":{"active":false}}"""), HttpStatusCode.OK))!;

        Assert.False(off["active"]!.GetValue<bool>());
        Assert.False((await scim.ScimAsync(HttpMethod.Get, $"/scim/v2/Users/{id}", null, HttpStatusCode.OK))!["active"]!.GetValue<bool>());
        var admin = fixture.Host.CreateClient(TestUser.Admin());
        await Eventually.AssertAsync(
            // The trail's order is the order the records were consumed in, which several consumers may interleave.
            async () => (await admin.GetJsonAsync($"/api/audit?target=person:{id}&actor=scim"))["items"]!.AsArray()
                .Select(entry => entry!["action"]!.GetValue<string>()).Order(StringComparer.Ordinal)
                .SequenceEqual(["scim.user.provisioned", "scim.user.updated", "scim.user.updated"]),
            TimeSpan.FromSeconds(30),
            "the provisioning, the replacement and the deactivation in the audit trail, by the directory");
    }

    [Fact]
    public async Task Entra_validator_sequence_patches_with_paths_and_string_booleans()
    {
        var scim = fixture.ScimClient();
        var email = Unique("entra");
        var externalId = Guid.NewGuid().ToString();

        Assert.Equal(0, (await scim.ScimAsync(HttpMethod.Get, $"/scim/v2/Users?filter={Uri.EscapeDataString($"userName eq \"{email}\"")}", null, HttpStatusCode.OK))!["totalResults"]!.GetValue<int>());
        var id = (await scim.ScimAsync(HttpMethod.Post, "/scim/v2/Users", ScimCalls.NewUser(email, "Erin", "Tra", "Sales", externalId), HttpStatusCode.Created))!["id"]!.GetValue<string>();
        var byExternalId = (await scim.ScimAsync(HttpMethod.Get, $"/scim/v2/Users?filter={Uri.EscapeDataString($"externalId eq \"{externalId}\"")}", null, HttpStatusCode.OK))!;
        Assert.Equal(id, byExternalId["Resources"]![0]!["id"]!.GetValue<string>());
        Assert.Equal("Sales", byExternalId["Resources"]![0]!["urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"]!["department"]!.GetValue<string>());

        var patched = (await scim.ScimAsync(Patch, $"/scim/v2/Users/{id}", ScimCalls.Patch(
            """{"op":"Replace","path":"displayName","value":"Erin Entra"}""",
            """{"op":"Add","path":"emails[type eq \"work\"].value","value":"erin.work@example.com"}""",
            """{"op":"Replace","path":"name.givenName","value":"Erin"}""",
            """{"op":"Replace","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department","value":"Research & Development"}"""), HttpStatusCode.OK))!;
        Assert.Equal("erin.work@example.com", patched["emails"]![0]!["value"]!.GetValue<string>());
        var person = await fixture.Host.CreateClient(TestUser.Employee()).GetJsonAsync($"/api/people/{id}");
        Assert.Equal(("Erin Entra", "RESEARCH-DEVELOPMENT"), (person["displayName"]!.GetValue<string>(), person["department"]!.GetValue<string>()));

        var withPath = (await scim.ScimAsync(Patch, $"/scim/v2/Users/{id}", ScimCalls.Patch("""{"op":"Replace","path":"active","value":"False"}"""), HttpStatusCode.OK))!;
        Assert.False(withPath["active"]!.GetValue<bool>());
        var back = (await scim.ScimAsync(Patch, $"/scim/v2/Users/{id}", ScimCalls.Patch("""{"op":"Replace","value":{"active":"True"}}"""), HttpStatusCode.OK))!;
        Assert.True(back["active"]!.GetValue<bool>());
        var without = (await scim.ScimAsync(Patch, $"/scim/v2/Users/{id}", ScimCalls.Patch("""{"op":"Replace","value":{"active":"False"}}"""), HttpStatusCode.OK))!;
        Assert.False(without["active"]!.GetValue<bool>());

        await scim.ScimAsync(HttpMethod.Delete, $"/scim/v2/Users/{id}", null, HttpStatusCode.NoContent);
        await scim.ScimErrorAsync(HttpMethod.Get, $"/scim/v2/Users/{id}", null, HttpStatusCode.NotFound);
        var again = (await scim.ScimAsync(HttpMethod.Post, "/scim/v2/Users", ScimCalls.NewUser(email, "Erin", "Tra"), HttpStatusCode.Created))!;
        Assert.Equal((id, true), (again["id"]!.GetValue<string>(), again["active"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task A_provisioned_person_is_the_person_who_signs_in_with_that_e_mail()
    {
        var user = TestUser.Employee("provisioned", "OPS");
        var id = (await fixture.ScimClient().ScimAsync(HttpMethod.Post, "/scim/v2/Users", ScimCalls.NewUser(user.Email.ToUpperInvariant(), "Pro", "Visioned", "OPS"), HttpStatusCode.Created))!["id"]!.GetValue<string>();

        var me = await fixture.Host.CreateClient(user).GetJsonAsync("/api/people/me");

        Assert.Equal((user.Id.ToString(), "Pro Visioned", "OPS"), (me["id"]!.GetValue<string>(), me["displayName"]!.GetValue<string>(), me["department"]!.GetValue<string>()));
        Assert.Equal(id, me["id"]!.GetValue<string>());
        await fixture.ScimClient().ScimErrorAsync(HttpMethod.Post, "/scim/v2/Users", ScimCalls.NewUser(user.Email, "Pro", "Twice"), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_deactivated_person_leaves_the_directory_and_expert_results_cannot_call_and_comes_back_on_reactivation()
    {
        var skill = await fixture.SkillAsync("scim");
        var (user, client) = await fixture.PersonAsync("leaver", "OPS");
        await client.PutJsonAsync($"/api/people/me/skills/{skill}", new { level = 4 }, HttpStatusCode.OK);
        var colleague = fixture.Host.CreateClient(TestUser.Employee());
        var scim = fixture.ScimClient();
        Assert.Single((await colleague.GetJsonAsync($"/api/experts?skill={skill}"))["items"]!.AsArray());

        await scim.ScimAsync(Patch, $"/scim/v2/Users/{user.Id}", ScimCalls.Patch("""{"op":"replace","path":"active","value":false}"""), HttpStatusCode.OK);

        Assert.Empty((await colleague.GetJsonAsync($"/api/experts?skill={skill}"))["items"]!.AsArray());
        Assert.Empty((await colleague.GetJsonAsync($"/api/people?q={Uri.EscapeDataString(user.DisplayName)}"))["items"]!.AsArray());
        using (var gone = await colleague.GetAsync($"/api/people/{user.Id}"))
        {
            await gone.EnsureStatusAsync(HttpStatusCode.NotFound);
        }

        using (var refused = await client.GetAsync("/api/people/me/access"))
        {
            await refused.EnsureStatusAsync(HttpStatusCode.Unauthorized);
        }

        await scim.ScimAsync(Patch, $"/scim/v2/Users/{user.Id}", ScimCalls.Patch("""{"op":"replace","path":"active","value":true}"""), HttpStatusCode.OK);

        Assert.Single((await colleague.GetJsonAsync($"/api/experts?skill={skill}"))["items"]!.AsArray());
        Assert.Single((await colleague.GetJsonAsync($"/api/people?q={Uri.EscapeDataString(user.DisplayName)}"))["items"]!.AsArray());
        using var allowed = await client.GetAsync("/api/people/me/access");
        await allowed.EnsureStatusAsync(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Users_page_by_start_index_and_count()
    {
        var scim = fixture.ScimClient();
        foreach (var name in new[] { "page.a", "page.b", "page.c" })
        {
            await scim.ScimAsync(HttpMethod.Post, "/scim/v2/Users", ScimCalls.NewUser(Unique(name), "Page", "Person"), HttpStatusCode.Created);
        }

        var first = (await scim.ScimAsync(HttpMethod.Get, "/scim/v2/Users?startIndex=1&count=2", null, HttpStatusCode.OK))!;
        var second = (await scim.ScimAsync(HttpMethod.Get, "/scim/v2/Users?startIndex=2&count=2", null, HttpStatusCode.OK))!;
        var counted = (await scim.ScimAsync(HttpMethod.Get, "/scim/v2/Users?count=0", null, HttpStatusCode.OK))!;

        Assert.Equal((1, 2), (first["startIndex"]!.GetValue<int>(), first["itemsPerPage"]!.GetValue<int>()));
        Assert.True(first["totalResults"]!.GetValue<int>() >= 3);
        Assert.Equal(first["Resources"]![1]!["id"]!.GetValue<string>(), second["Resources"]![0]!["id"]!.GetValue<string>());
        Assert.Equal((first["totalResults"]!.GetValue<int>(), 0), (counted["totalResults"]!.GetValue<int>(), counted["Resources"]!.AsArray().Count));
    }

    [Fact]
    public async Task Bad_tokens_schemas_operations_and_filters_are_refused_in_the_SCIM_error_format_and_change_nothing()
    {
        var scim = fixture.ScimClient();
        var email = Unique("careful");
        var id = (await scim.ScimAsync(HttpMethod.Post, "/scim/v2/Users", ScimCalls.NewUser(email, "Care", "Ful", "OPS"), HttpStatusCode.Created))!["id"]!.GetValue<string>();
        var user = $"/scim/v2/Users/{id}";
        var before = (await scim.ScimAsync(HttpMethod.Get, user, null, HttpStatusCode.OK))!.ToJsonString();

        await fixture.ScimClient(ExpertiseFixture.ScimToken + "x").ScimErrorAsync(HttpMethod.Get, user, null, HttpStatusCode.Unauthorized);
        await fixture.Host.CreateClient().ScimErrorAsync(HttpMethod.Get, user, null, HttpStatusCode.Unauthorized);
        await fixture.Host.CreateClient(TestUser.Admin()).ScimErrorAsync(HttpMethod.Patch, user, ScimCalls.Patch("""{"op":"replace","path":"active","value":false}"""), HttpStatusCode.Unauthorized);
        var refusals = new (HttpMethod Method, string Url, string? Body, HttpStatusCode Status, string? ScimType)[]
        {
            (HttpMethod.Put, user, ScimCalls.NewUser(email, "Care", "Ful").Replace("core:2.0:User\"", "core:2.0:User\",\"urn:example:custom:2.0:User\"", StringComparison.Ordinal), HttpStatusCode.BadRequest, "invalidSyntax"),
            (Patch, user, ScimCalls.Patch("""{"op":"replace","path":"title","value":"Changed"}""", """{"op":"move","path":"title","value":"x"}"""), HttpStatusCode.BadRequest, "invalidSyntax"),
            (Patch, user, """{"schemas":["urn:example:PatchOp"],"Operations":[{"op":"replace","path":"title","value":"x"}]}""", HttpStatusCode.BadRequest, "invalidSyntax"),
            (Patch, user, ScimCalls.Patch("""{"op":"replace","path":"title","value":"Changed"}""", """{"op":"replace","path":"active","value":"maybe"}"""), HttpStatusCode.BadRequest, "invalidValue"),
            (Patch, user, ScimCalls.Patch("""{"op":"remove"}"""), HttpStatusCode.BadRequest, "noTarget"),
            (Patch, user, ScimCalls.Patch("""{"op":"replace","path":"urn:example:ext:department","value":"x"}"""), HttpStatusCode.BadRequest, "invalidPath"),
            (Patch, user, ScimCalls.Patch($$"""{"op":"replace","path":"userName","value":"{{Unique("other")}}"}"""), HttpStatusCode.BadRequest, "mutability"),
            (Patch, user, "{not json", HttpStatusCode.BadRequest, "invalidSyntax"),
            (HttpMethod.Get, "/scim/v2/Users?filter=" + Uri.EscapeDataString("userName co \"care\""), null, HttpStatusCode.BadRequest, "invalidFilter"),
            (HttpMethod.Get, "/scim/v2/Users?filter=" + Uri.EscapeDataString("title eq \"x\""), null, HttpStatusCode.BadRequest, "invalidFilter"),
            (HttpMethod.Get, "/scim/v2/Users?filter=" + Uri.EscapeDataString("userName eq"), null, HttpStatusCode.BadRequest, "invalidFilter"),
            (HttpMethod.Get, "/scim/v2/Users?count=many", null, HttpStatusCode.BadRequest, "invalidValue"),
            (HttpMethod.Post, "/scim/v2/Users", ScimCalls.NewUser("not-an-email", "No", "Mail"), HttpStatusCode.BadRequest, "invalidValue"),
        };
        foreach (var (method, url, body, status, scimType) in refusals)
        {
            Assert.Equal(scimType, await scim.ScimErrorAsync(method, url, body, status));
        }

        Assert.Equal(before, (await scim.ScimAsync(HttpMethod.Get, user, null, HttpStatusCode.OK))!.ToJsonString());
        // Each kind of refusal reaches the audit trail, as the anonymous actor (once a minute per kind: ADR 0073).
        var admin = fixture.Host.CreateClient(TestUser.Admin());
        await Eventually.AssertAsync(
            async () => Reasons(await admin.GetJsonAsync("/api/audit?action=scim.token.refused&limit=100")).Contains("forged or missing token")
                && refusals.Select(refusal => refusal.ScimType!).ToHashSet().IsSubsetOf(Reasons(await admin.GetJsonAsync("/api/audit?action=scim.request.refused&limit=100"))),
            TimeSpan.FromSeconds(30),
            "every kind of refused SCIM call in the audit trail");
        var entry = (await admin.GetJsonAsync("/api/audit?action=scim.request.refused&limit=1"))["items"]![0]!;
        Assert.Equal(("anonymous", "scim"), (entry["actor"]!.GetValue<string>(), entry["target"]!.GetValue<string>()));
    }

    private static HashSet<string> Reasons(JsonNode page) =>
        page["items"]!.AsArray().Select(entry => entry!["details"]!["reason"]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);

    [Fact]
    public async Task Discovery_describes_what_the_service_provider_supports()
    {
        var scim = fixture.ScimClient();

        var config = (await scim.ScimAsync(HttpMethod.Get, "/scim/v2/ServiceProviderConfig", null, HttpStatusCode.OK))!;
        var types = (await scim.ScimAsync(HttpMethod.Get, "/scim/v2/ResourceTypes", null, HttpStatusCode.OK))!;
        var schemas = (await scim.ScimAsync(HttpMethod.Get, "/scim/v2/Schemas", null, HttpStatusCode.OK))!;
        var user = (await scim.ScimAsync(HttpMethod.Get, "/scim/v2/Schemas/urn:ietf:params:scim:schemas:core:2.0:User", null, HttpStatusCode.OK))!;

        Assert.Equal((true, true, false), (config["patch"]!["supported"]!.GetValue<bool>(), config["filter"]!["supported"]!.GetValue<bool>(), config["bulk"]!["supported"]!.GetValue<bool>()));
        Assert.Equal("oauthbearertoken", config["authenticationSchemes"]![0]!["type"]!.GetValue<string>());
        Assert.Equal(["Group", "User"], types["Resources"]!.AsArray().Select(type => type!["id"]!.GetValue<string>()).Order());
        Assert.Equal(3, schemas["totalResults"]!.GetValue<int>());
        Assert.Contains(user["attributes"]!.AsArray(), attribute => attribute!["name"]!.GetValue<string>() == "userName" && attribute["required"]!.GetValue<bool>());
        await scim.ScimErrorAsync(HttpMethod.Get, "/scim/v2/ResourceTypes/Printer", null, HttpStatusCode.NotFound);
    }

    private static string Unique(string name) => $"{name}.{Guid.NewGuid().ToString("N")[..8]}@example.com";
}

public sealed class Scim_users_on_Sqlite(SqliteExpertise fixture) : ScimUserTests(fixture), IClassFixture<SqliteExpertise>;

public sealed class Scim_users_on_Postgres(PostgresExpertise fixture) : ScimUserTests(fixture), IClassFixture<PostgresExpertise>;
