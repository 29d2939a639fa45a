using KnowledgeHub.Data;
using KnowledgeHub.Testing;
using Microsoft.AspNetCore.Builder;

namespace KnowledgeHub.Alignment.Tests;

public abstract class AlignmentFixture(DatabaseProvider provider) : ModuleFixture(AlignmentModule.Name, provider)
{
    protected override void AddModule(WebApplicationBuilder builder) => builder.AddAlignment();

    protected override void MapModule(WebApplication app) => app.MapAlignment();
}

public sealed class SqliteAlignment() : AlignmentFixture(DatabaseProvider.Sqlite);

public sealed class PostgresAlignment() : AlignmentFixture(DatabaseProvider.Postgres);
