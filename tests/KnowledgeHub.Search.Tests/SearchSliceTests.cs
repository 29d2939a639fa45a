using KnowledgeHub.Contracts.Communities;
using KnowledgeHub.Contracts.Expertise;
using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.Search.Tests;

public abstract class SearchSliceTests(SearchFixture fixture)
{
    [Fact]
    public async Task Events_become_searchable_with_typos_tolerated_and_matches_marked()
    {
        var marker = "zs" + Guid.NewGuid().ToString("N")[..8];
        var person = Guid.NewGuid();
        await fixture.Host.PublishAsync(new PersonProfileChanged(person, $"{marker}@example.com", $"Lin {marker}", "IT", "SRE", null, "Runs Kubernetes clusters", ["kubernetes"], 1, DateTimeOffset.UtcNow));
        var reader = fixture.Host.CreateClient(TestUser.Employee());

        var found = await Eventually.GetAsync(
            async () => (await reader.GetJsonAsync($"/api/search?q={marker}+kubernets"))["items"]!.AsArray() is { Count: > 0 } items ? items : null,
            TimeSpan.FromSeconds(5),
            "the person to be found");

        Assert.Equal(person.ToString(), found[0]!["id"]!.GetValue<string>());
        Assert.Contains("<mark>Kubernetes</mark>", found[0]!["snippet"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_closed_communitys_post_is_found_only_by_its_members()
    {
        var marker = "zc" + Guid.NewGuid().ToString("N")[..8];
        var member = TestUser.Employee("member");
        var community = Guid.NewGuid();
        await fixture.Host.PublishAsync(new CommunityMembershipChanged(community, member.Id, "member", "active", 1, DateTimeOffset.UtcNow));
        await fixture.Host.PublishAsync(new PostPublished(Guid.NewGuid(), community, "closed", "article", $"Secret {marker}", "Body", ["plans"], member.Id, "IT", 1, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow));

        var seen = await Eventually.GetAsync(
            async () => (await fixture.Host.CreateClient(member).GetJsonAsync($"/api/search?q={marker}"))["total"]!.GetValue<int>() is > 0 and var total ? (int?)total : null,
            TimeSpan.FromSeconds(5),
            "the member to find the post");
        var outsider = await fixture.Host.CreateClient(TestUser.Employee("outsider")).GetJsonAsync($"/api/search?q={marker}");

        Assert.Equal(1, seen);
        Assert.Equal(0, outsider["total"]!.GetValue<int>());
        Assert.Empty(outsider["facets"]!["tag"]!.AsObject());
    }
}

public sealed class Search_on_Sqlite(SqliteSearch fixture) : SearchSliceTests(fixture), IClassFixture<SqliteSearch>;

public sealed class Search_on_Postgres(PostgresSearch fixture) : SearchSliceTests(fixture), IClassFixture<PostgresSearch>;
