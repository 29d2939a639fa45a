using KnowledgeHub.Data;
using KnowledgeHub.Testing;
using Microsoft.AspNetCore.Builder;

namespace KnowledgeHub.Expertise.Tests;

public abstract class ExpertiseFixture(DatabaseProvider provider) : ModuleFixture(ExpertiseModule.Name, provider)
{
    protected override void AddModule(WebApplicationBuilder builder) => builder.AddExpertise();

    protected override void MapModule(WebApplication app) => app.MapExpertise();
}

public sealed class SqliteExpertise() : ExpertiseFixture(DatabaseProvider.Sqlite);

public sealed class PostgresExpertise() : ExpertiseFixture(DatabaseProvider.Postgres);
