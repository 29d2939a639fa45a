using KnowledgeHub.Data;
using KnowledgeHub.Testing;
using Microsoft.AspNetCore.Builder;

namespace KnowledgeHub.Communities.Tests;

public abstract class CommunitiesFixture(DatabaseProvider provider) : ModuleFixture(CommunitiesModule.Name, provider)
{
    protected override void AddModule(WebApplicationBuilder builder) => builder.AddCommunities();

    protected override void MapModule(WebApplication app) => app.MapCommunities();
}

public sealed class SqliteCommunities() : CommunitiesFixture(DatabaseProvider.Sqlite);

public sealed class PostgresCommunities() : CommunitiesFixture(DatabaseProvider.Postgres);
