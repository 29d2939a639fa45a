using System.Net;
using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.Partnerships.Tests;

/// <summary>What a client gets wrong is a 400 naming the field, or a 404 for a focus that is not there; never a 500.</summary>
public abstract class BadInputTests(PartnershipsFixture fixture)
{
    [Theory]
    [InlineData("/api/partnerships/matrix?from=2026-07-01&to=2026-01-01", "from")]
    [InlineData("/api/partnerships/matrix?from=2020-01-01&to=2026-01-02", "to")]
    [InlineData("/api/partnerships/matrix?from=yesterday", "from")]
    [InlineData("/api/partnerships/silos?to=2026-13-01", "to")]
    [InlineData("/api/partnerships/silos?from=2026-05-01&to=2026-04-30", "from")]
    [InlineData("/api/partnerships/boundary-spanners?limit=0", "limit")]
    [InlineData("/api/partnerships/boundary-spanners?limit=101", "limit")]
    [InlineData("/api/partnerships/boundary-spanners?department=not%20a%20code!", "department")]
    [InlineData("/api/partnerships/introductions?limit=500", "limit")]
    [InlineData("/api/systems-map", "focus")]
    [InlineData("/api/systems-map?focus=department:IT&depth=0", "depth")]
    [InlineData("/api/systems-map?focus=department:IT&depth=4", "depth")]
    public async Task Bad_input_is_a_400_naming_the_field(string url, string field)
    {
        using var response = await fixture.Host.CreateClient(TestUser.Admin()).GetAsync(url);

        await response.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.ReadJsonAsync())["errors"]!.AsObject().ContainsKey(field), $"No error for '{field}'.");
    }

    [Theory]
    [InlineData("planet:mars")]
    [InlineData("department")]
    [InlineData("department:NOWHERE")]
    [InlineData("project:not-a-uuid")]
    [InlineData("project:0b5f0f5e-7a53-4c53-9f3b-1b1b1b1b1b1b")]
    [InlineData("objective:0b5f0f5e-7a53-4c53-9f3b-1b1b1b1b1b1b")]
    [InlineData("community:0b5f0f5e-7a53-4c53-9f3b-1b1b1b1b1b1b")]
    [InlineData("person:0b5f0f5e-7a53-4c53-9f3b-1b1b1b1b1b1b")]
    public async Task An_unknown_focus_is_a_404(string focus)
    {
        using var response = await fixture.Host.CreateClient(TestUser.Admin()).GetAsync($"/api/systems-map?focus={Uri.EscapeDataString(focus)}");

        await response.EnsureStatusAsync(HttpStatusCode.NotFound);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/api/partnerships/matrix")]
    [InlineData("/api/partnerships/silos")]
    public async Task The_matrix_and_silos_are_for_executives_and_admins(string url)
    {
        using var response = await fixture.Host.CreateClient(TestUser.Employee()).GetAsync(url);

        await response.EnsureStatusAsync(HttpStatusCode.Forbidden);
    }
}

public sealed class BadInput_on_Sqlite(SqliteScratch fixture) : BadInputTests(fixture), IClassFixture<SqliteScratch>;

public sealed class BadInput_on_Postgres(PostgresScratch fixture) : BadInputTests(fixture), IClassFixture<PostgresScratch>;
