using System.Net;
using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.Expertise.Tests;

/// <summary>Departments as SCIM Groups (ADR 0068): membership moves people between departments.</summary>
public abstract class ScimGroupTests(ExpertiseFixture fixture)
{
    [Fact]
    public async Task A_group_is_a_department_whose_members_move_in_and_out_as_Entra_and_Okta_patch_them()
    {
        var scim = fixture.ScimClient();
        var marker = Guid.NewGuid().ToString("N")[..6];
        var (ada, _) = await fixture.PersonAsync("ada", "IT");
        var (bob, _) = await fixture.PersonAsync("bob", "IT");
        var colleague = fixture.Host.CreateClient(TestUser.Employee());

        var group = (await scim.ScimAsync(HttpMethod.Post, "/scim/v2/Groups", $$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Research & Development {{marker}}","members":[{"value":"{{ada.Id}}"}]}
            """, HttpStatusCode.Created))!;
        var code = group["id"]!.GetValue<string>();
        Assert.Equal($"RESEARCH-DEVELOPMENT-{marker.ToUpperInvariant()}", code);
        Assert.Equal(code, (await colleague.GetJsonAsync($"/api/people/{ada.Id}"))["department"]!.GetValue<string>());

        var found = (await scim.ScimAsync(HttpMethod.Get, $"/scim/v2/Groups?filter={Uri.EscapeDataString($"displayName eq \"research & development {marker}\"")}&excludedAttributes=members", null, HttpStatusCode.OK))!;
        Assert.Equal(code, found["Resources"]![0]!["id"]!.GetValue<string>());
        Assert.Null(found["Resources"]![0]!["members"]);

        // Entra ID: add with a value list, rename with a path.
        await scim.ScimAsync(HttpMethod.Patch, $"/scim/v2/Groups/{code}", ScimCalls.Patch(
            $$"""{"op":"Add","path":"members","value":[{"value":"{{bob.Id}}"}]}""",
            $$"""{"op":"Replace","path":"displayName","value":"R&D {{marker}}"}"""), HttpStatusCode.OK);
        // Okta: remove by a filtered path.
        var afterOkta = (await scim.ScimAsync(HttpMethod.Patch, $"/scim/v2/Groups/{code}", ScimCalls.Patch(
            $$"""{"op":"remove","path":"members[value eq \"{{ada.Id}}\"]"}"""), HttpStatusCode.OK))!;

        Assert.Equal([bob.Id.ToString()], afterOkta["members"]!.AsArray().Select(member => member!["value"]!.GetValue<string>()));
        Assert.Equal($"R&D {marker}", afterOkta["displayName"]!.GetValue<string>());
        Assert.Equal("UNASSIGNED", (await colleague.GetJsonAsync($"/api/people/{ada.Id}"))["department"]!.GetValue<string>());
        Assert.Contains((await colleague.GetJsonAsync("/api/departments")).AsArray(), department => department!["code"]!.GetValue<string>() == code && department["name"]!.GetValue<string>() == $"R&D {marker}");

        await scim.ScimAsync(HttpMethod.Patch, $"/scim/v2/Groups/{code}", ScimCalls.Patch("""{"op":"Remove","path":"members"}"""), HttpStatusCode.OK);
        Assert.Equal("UNASSIGNED", (await colleague.GetJsonAsync($"/api/people/{bob.Id}"))["department"]!.GetValue<string>());
    }

    [Fact]
    public async Task Groups_refuse_deletion_unknown_members_and_duplicates_and_change_nothing()
    {
        var scim = fixture.ScimClient();
        var name = $"Finance {Guid.NewGuid().ToString("N")[..6]}";
        var code = (await scim.ScimAsync(HttpMethod.Post, "/scim/v2/Groups", $$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"{{name}}"}""", HttpStatusCode.Created))!["id"]!.GetValue<string>();

        Assert.Equal("mutability", await scim.ScimErrorAsync(HttpMethod.Delete, $"/scim/v2/Groups/{code}", null, HttpStatusCode.BadRequest));
        Assert.Equal("uniqueness", await scim.ScimErrorAsync(HttpMethod.Post, "/scim/v2/Groups", $$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"{{name.ToUpperInvariant()}}"}""", HttpStatusCode.Conflict));
        Assert.Equal("invalidValue", await scim.ScimErrorAsync(HttpMethod.Patch, $"/scim/v2/Groups/{code}", ScimCalls.Patch(
            """{"op":"replace","path":"displayName","value":"Renamed"}""",
            $$"""{"op":"add","path":"members","value":[{"value":"{{Guid.NewGuid()}}"}]}"""), HttpStatusCode.BadRequest));
        await scim.ScimErrorAsync(HttpMethod.Get, "/scim/v2/Groups/NO-SUCH-DEPARTMENT", null, HttpStatusCode.NotFound);

        var group = (await scim.ScimAsync(HttpMethod.Get, $"/scim/v2/Groups/{code}", null, HttpStatusCode.OK))!;
        Assert.Equal(name, group["displayName"]!.GetValue<string>());
        Assert.Empty(group["members"]!.AsArray());
    }
}

public sealed class Scim_groups_on_Sqlite(SqliteExpertise fixture) : ScimGroupTests(fixture), IClassFixture<SqliteExpertise>;

public sealed class Scim_groups_on_Postgres(PostgresExpertise fixture) : ScimGroupTests(fixture), IClassFixture<PostgresExpertise>;
