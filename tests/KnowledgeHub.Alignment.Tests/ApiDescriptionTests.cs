using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.Alignment.Tests;

public abstract class ApiDescriptionTests(AlignmentFixture fixture)
{
    [Theory]
    [InlineData("/api/objectives", "post", "keyResults")]
    [InlineData("/api/objectives/{id}/key-results/{keyResultId}", "put", "current")]
    [InlineData("/api/projects/{id}", "put", "pilot")]
    [InlineData("/api/projects/{id}/members/{personId}", "put", "role")]
    [InlineData("/api/projects/{id}/status-reports", "post", "health")]
    [InlineData("/api/projects/{id}/alignments/{objectiveId}", "put", "contribution")]
    public async Task The_api_description_gives_each_request_body_its_own_fields(string path, string method, string field)
    {
        var description = await fixture.Host.CreateClient().GetJsonAsync("/openapi/alignment.json");

        var body = description["paths"]![path]![method]!["requestBody"]!["content"]!["application/json"]!["schema"]!;
        var schema = body["$ref"] is { } reference
            ? description["components"]!["schemas"]![reference.GetValue<string>().Split('/')[^1]]!
            : body;
        Assert.True(schema["properties"]!.AsObject().ContainsKey(field), $"{method} {path} describes {schema.ToJsonString()}");
    }
}

public sealed class Api_description_on_Sqlite(SqliteAlignment fixture) : ApiDescriptionTests(fixture), IClassFixture<SqliteAlignment>;

public sealed class Api_description_on_Postgres(PostgresAlignment fixture) : ApiDescriptionTests(fixture), IClassFixture<PostgresAlignment>;
