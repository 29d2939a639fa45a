using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dapper;
using KnowledgeHub.Contracts.Expertise;
using KnowledgeHub.Expertise.Features.Skills;
using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.Expertise.Tests;

public abstract class TaxonomyTests(ExpertiseFixture fixture)
{
    [Fact]
    public async Task The_seeded_taxonomy_knows_common_aliases()
    {
        var client = fixture.Host.CreateClient(TestUser.Employee());

        var skills = await client.GetJsonAsync("/api/skills?q=k8s");

        var kubernetes = skills.AsArray().First()!;
        Assert.Equal("Kubernetes", kubernetes["name"]!.GetValue<string>());
        Assert.Contains("k8s", Strings(kubernetes["aliases"]!));
        Assert.Equal("Cloud and operations", kubernetes["category"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_typo_still_finds_the_skill()
    {
        var client = fixture.Host.CreateClient(TestUser.Employee());

        var skills = await client.GetJsonAsync("/api/skills?q=kubernets");

        Assert.Equal("Kubernetes", skills[0]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task People_counts_those_who_hold_the_skill()
    {
        var skill = Evidence.UniqueTag();
        var (_, first) = await fixture.PersonAsync();
        var (_, second) = await fixture.PersonAsync();
        await first.PutJsonAsync($"/api/people/me/skills/{skill}", new { level = 2 }, HttpStatusCode.OK);
        await second.PutJsonAsync($"/api/people/me/skills/{skill}", new { level = 5 }, HttpStatusCode.OK);

        var skills = await first.GetJsonAsync($"/api/skills?q={skill}");

        Assert.Equal(2, skills[0]!["people"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_admin_sets_aliases_and_category_and_the_aliases_resolve()
    {
        var admin = fixture.Host.CreateClient(TestUser.Admin());
        var name = $"Skill {Guid.NewGuid():N}"[..18];
        var alias = Evidence.UniqueTag("alias");

        var skill = await admin.PutJsonAsync($"/api/skills/{Uri.EscapeDataString(name)}", new { aliases = new[] { alias }, category = "Testing" }, HttpStatusCode.OK);
        var (_, client) = await fixture.PersonAsync();
        var declared = await client.PutJsonAsync($"/api/people/me/skills/{alias}", new { level = 3 }, HttpStatusCode.OK);

        Assert.Equal(name, skill["name"]!.GetValue<string>());
        Assert.Equal([alias], Strings(skill["aliases"]!));
        Assert.Equal("Testing", skill["category"]!.GetValue<string>());
        Assert.Equal(name, declared["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Renaming_a_skill_keeps_the_old_name_as_an_alias_and_updates_profiles()
    {
        var admin = fixture.Host.CreateClient(TestUser.Admin());
        var old = Evidence.UniqueTag();
        var (user, client) = await fixture.PersonAsync();
        await client.PutJsonAsync($"/api/people/me/skills/{old}", new { level = 3 }, HttpStatusCode.OK);

        var renamed = await admin.PutJsonAsync($"/api/skills/{old}", new { name = old.ToUpperInvariant() + " Renamed", aliases = Array.Empty<string>() }, HttpStatusCode.OK);

        Assert.Equal([old], Strings(renamed["aliases"]!));
        Assert.Equal(old.ToUpperInvariant() + " Renamed", (await client.GetJsonAsync("/api/people/me"))["skills"]![0]!["name"]!.GetValue<string>());
        await fixture.Host.Events.WaitForAsync<PersonProfileChanged>(
            evt => evt.PersonId == user.Id && evt.Skills.Contains(old.ToUpperInvariant() + " Renamed"), "the profile event with the renamed skill");
    }

    [Fact]
    public async Task An_alias_that_names_another_skill_is_a_conflict()
    {
        var admin = fixture.Host.CreateClient(TestUser.Admin());

        using var response = await admin.PutAsJsonAsync($"/api/skills/{Evidence.UniqueTag()}", new { aliases = new[] { "k8s" } });

        await response.EnsureStatusAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Only_admins_curate_the_taxonomy()
    {
        var employee = fixture.Host.CreateClient(TestUser.Employee());

        using var put = await employee.PutAsJsonAsync("/api/skills/Kubernetes", new { aliases = new[] { "kubes" } });
        using var merge = await employee.PostAsJsonAsync("/api/skills/merge", new { from = "k8s", into = "Docker" });

        await put.EnsureStatusAsync(HttpStatusCode.Forbidden);
        await merge.EnsureStatusAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Merging_keeps_every_declaration_endorsement_and_piece_of_evidence()
    {
        var admin = fixture.Host.CreateClient(TestUser.Admin());
        var duplicate = Evidence.UniqueTag("dup");
        var canonical = Evidence.UniqueTag("canon");
        var (both, bothClient) = await fixture.PersonAsync("both");
        var (onlyDuplicate, onlyDuplicateClient) = await fixture.PersonAsync("only");
        var (_, endorser) = await fixture.PersonAsync("endorser");
        await bothClient.PutJsonAsync($"/api/people/me/skills/{duplicate}", new { level = 5 }, HttpStatusCode.OK);
        await bothClient.PutJsonAsync($"/api/people/me/skills/{canonical}", new { level = 2 }, HttpStatusCode.OK);
        await onlyDuplicateClient.PutJsonAsync($"/api/people/me/skills/{duplicate}", new { level = 3 }, HttpStatusCode.OK);
        await endorser.PostJsonAsync($"/api/people/{both.Id}/endorsements", new { skill = duplicate }, HttpStatusCode.Created);
        await endorser.PostJsonAsync($"/api/people/{both.Id}/endorsements", new { skill = canonical }, HttpStatusCode.Created);
        await endorser.PostJsonAsync($"/api/people/{onlyDuplicate.Id}/endorsements", new { skill = duplicate }, HttpStatusCode.Created);
        await fixture.DeliverAsync(Evidence.Answer(onlyDuplicate.Id, both.Id, "How do we do this?", [duplicate]));

        var merged = await admin.PostJsonAsync("/api/skills/merge", new { from = duplicate, into = canonical }, HttpStatusCode.OK);

        Assert.Equal(canonical, merged["name"]!.GetValue<string>());
        Assert.Contains(duplicate, Strings(merged["aliases"]!));
        Assert.Equal(2, merged["people"]!.GetValue<int>());
        var bothSkill = (await admin.GetJsonAsync($"/api/people/{both.Id}"))["skills"]![0]!;
        Assert.Equal((canonical, 5, 1), (bothSkill["name"]!.GetValue<string>(), bothSkill["level"]!.GetValue<int>(), bothSkill["endorsements"]!.GetValue<int>()));
        var evidence = await onlyDuplicateClient.GetJsonAsync("/api/people/me/evidence");
        Assert.Equal(["answer", "declared", "endorsement"], evidence["items"]!.AsArray().Select(item => item!["kind"]!.GetValue<string>()).Order());
        Assert.All(evidence["items"]!.AsArray(), item => Assert.Equal(canonical, item!["skill"]!.GetValue<string>()));
        Assert.Equal([canonical], (await admin.GetJsonAsync($"/api/skills?q={duplicate}")).AsArray().Select(skill => skill!["name"]!.GetValue<string>()));
        var experts = await admin.GetJsonAsync($"/api/experts?skill={duplicate}");
        Assert.Equivalent(new[] { both.Id.ToString(), onlyDuplicate.Id.ToString() }, experts["items"]!.AsArray().Select(item => item!["person"]!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Merging_a_skill_into_itself_is_refused()
    {
        var admin = fixture.Host.CreateClient(TestUser.Admin());

        using var response = await admin.PostAsJsonAsync("/api/skills/merge", new { from = "k8s", into = "Kubernetes" });
        using var unknown = await admin.PostAsJsonAsync("/api/skills/merge", new { from = Evidence.UniqueTag(), into = "Kubernetes" });

        await response.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.NotNull((await response.ReadJsonAsync())["errors"]!["into"]);
        await unknown.EnsureStatusAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Names_containing_the_text_come_most_held_first_however_many_contain_it()
    {
        var admin = fixture.Host.CreateClient(TestUser.Admin());
        var fragment = "zq" + Guid.NewGuid().ToString("N")[..6];
        var (alpha, beta, gamma) = ($"Alpha {fragment}", $"Beta {fragment}", $"Gamma {fragment}");
        foreach (var name in new[] { alpha, beta, gamma })
        {
            await admin.PutJsonAsync($"/api/skills/{Uri.EscapeDataString(name)}", new { aliases = Array.Empty<string>() }, HttpStatusCode.OK);
        }

        foreach (var (skill, holders) in new[] { (beta, 2), (gamma, 1) })
        {
            for (var holder = 0; holder < holders; holder++)
            {
                var (_, client) = await fixture.PersonAsync();
                await client.PutJsonAsync($"/api/people/me/skills/{Uri.EscapeDataString(skill)}", new { level = 3 }, HttpStatusCode.OK);
            }
        }

        var few = await NamesAsync(admin, fragment);
        // More names containing the text than are looked up one by one: the database matches them instead.
        await WriteAsync(
            "INSERT INTO skills (id, name, name_key, category, created_at) VALUES (@Id, @Name, @Name, NULL, @At)",
            Enumerable.Range(0, 501).Select(index => new { Id = Guid.NewGuid(), Name = $"{fragment} {index:000}", At = DateTimeOffset.UtcNow }));
        var many = await NamesAsync(admin, fragment);

        Assert.Equal([beta, gamma, alpha], few);
        Assert.Equal([beta, gamma], many[..2]);
        Assert.Equal(20, many.Count);
        Assert.All(many, name => Assert.Contains(fragment, name, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_question_matches_the_taxonomy_as_another_instance_or_an_operator_left_it()
    {
        var client = fixture.Host.CreateClient(TestUser.Employee());
        var (name, alias, id) = (Evidence.UniqueTag(), Evidence.UniqueTag("alias"), Guid.NewGuid());
        var before = await NamedAsync(client, name);

        await WriteAsync("INSERT INTO skills (id, name, name_key, category, created_at) VALUES (@Id, @Name, @Name, NULL, @At)", new { Id = id, Name = name, At = DateTimeOffset.UtcNow });
        var added = await NamedAsync(client, name);
        await WriteAsync("UPDATE skills SET name = @Name WHERE id = @Id", new { Id = id, Name = name.ToUpperInvariant() });
        var renamed = await NamedAsync(client, name);
        await WriteAsync("INSERT INTO skill_aliases (alias_key, skill_id) VALUES (@Alias, @Id)", new { Alias = alias, Id = id });
        var byAlias = await NamedAsync(client, alias);
        await WriteAsync("DELETE FROM skills WHERE id = @Id", new { Id = id });
        var removed = await NamedAsync(client, name);

        Assert.Empty(before);
        Assert.Equal([name], added);
        Assert.Equal([name.ToUpperInvariant()], renamed);
        Assert.Equal([name.ToUpperInvariant()], byAlias);
        Assert.Empty(removed);
    }

    [Fact]
    public async Task A_taxonomy_a_transaction_saw_before_rolling_back_is_not_kept_for_other_questions()
    {
        var database = fixture.Host.Get<ExpertiseDatabase>();
        var taxonomy = fixture.Host.Get<SkillIndexCache>();
        var (rolledBack, committed) = (Evidence.UniqueTag(), Evidence.UniqueTag());
        await using (var work = await database.BeginAsync(TestContext.Current.CancellationToken))
        {
            await fixture.Host.Get<SkillTaxonomy>().ResolveOrCreateAsync(work, rolledBack);
            Assert.NotNull((await taxonomy.GetAsync(work)).Named(rolledBack));
        }

        // Committed after the rollback, this change brings the version to the number the rolled-back one had.
        await WriteAsync("INSERT INTO skills (id, name, name_key, category, created_at) VALUES (@Id, @Name, @Name, NULL, @At)", new { Id = Guid.NewGuid(), Name = committed, At = DateTimeOffset.UtcNow });
        await using var session = await database.OpenSessionAsync(TestContext.Current.CancellationToken);
        var seen = await taxonomy.GetAsync(session);

        Assert.Null(seen.Named(rolledBack));
        Assert.Equal(committed, seen.Named(committed));
    }

    private static async Task<List<string>> NamesAsync(HttpClient client, string text) =>
        (await client.GetJsonAsync($"/api/skills?q={text}")).AsArray().Select(skill => skill!["name"]!.GetValue<string>()).ToList();

    private static async Task<List<string>> NamedAsync(HttpClient client, string question) =>
        Strings((await client.GetJsonAsync($"/api/experts?q={question}"))["skills"]!);

    /// <summary>A change of the shared database that this instance's API did not make.</summary>
    private async Task WriteAsync(string sql, object parameters)
    {
        await using var connection = await fixture.Host.Get<ExpertiseDatabase>().OpenAsync(TestContext.Current.CancellationToken);
        await connection.ExecuteAsync(sql, parameters);
    }

    private static List<string> Strings(JsonNode array) => array.AsArray().Select(item => item!.GetValue<string>()).ToList();
}

public sealed class Taxonomy_on_Sqlite(SqliteExpertise fixture) : TaxonomyTests(fixture), IClassFixture<SqliteExpertise>;

public sealed class Taxonomy_on_Postgres(PostgresExpertise fixture) : TaxonomyTests(fixture), IClassFixture<PostgresExpertise>;
