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

/// <summary>A host of its own for rebuilds: a swap replaces the whole index, which other tests' documents would not survive.</summary>
public sealed class SqliteReindexSearch() : SearchFixture(DatabaseProvider.Sqlite);

public sealed class PostgresReindexSearch() : SearchFixture(DatabaseProvider.Postgres);

/// <summary>A rebuild gives up after one second without progress, so a silent service fails it quickly.</summary>
public abstract class ImpatientSearchFixture(DatabaseProvider provider) : SearchFixture(provider)
{
    protected override IReadOnlyDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Search:Reindex:StallTimeout"] = "00:00:01",
    };
}

public sealed class SqliteImpatientSearch() : ImpatientSearchFixture(DatabaseProvider.Sqlite);

public sealed class PostgresImpatientSearch() : ImpatientSearchFixture(DatabaseProvider.Postgres);
