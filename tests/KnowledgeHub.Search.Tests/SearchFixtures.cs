using KnowledgeHub.Data;
using KnowledgeHub.Testing;
using Microsoft.AspNetCore.Builder;

namespace KnowledgeHub.Search.Tests;

public abstract class SearchFixture(DatabaseProvider provider) : ModuleFixture(SearchModule.Name, provider)
{
    protected override void AddModule(WebApplicationBuilder builder) => builder.AddSearch();

    protected override void MapModule(WebApplication app) => app.MapSearch();
}

public sealed class SqliteSearch() : SearchFixture(DatabaseProvider.Sqlite);

public sealed class PostgresSearch() : SearchFixture(DatabaseProvider.Postgres);
