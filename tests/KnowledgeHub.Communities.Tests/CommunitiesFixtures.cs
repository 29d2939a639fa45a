using KnowledgeHub.Data;
using KnowledgeHub.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeHub.Communities.Tests;

public abstract class CommunitiesFixture(DatabaseProvider provider) : ModuleFixture(CommunitiesModule.Name, provider)
{
    protected override void AddModule(WebApplicationBuilder builder) => builder.AddCommunities();

    protected override void MapModule(WebApplication app) => app.MapCommunities();
}

public sealed class SqliteCommunities() : CommunitiesFixture(DatabaseProvider.Sqlite);

public sealed class PostgresCommunities() : CommunitiesFixture(DatabaseProvider.Postgres);

/// <summary>Now, shifted by <see cref="Offset"/>; timers and delays keep the real clock.</summary>
public sealed class ShiftedClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
}

public abstract class InsightsFixture(DatabaseProvider provider) : CommunitiesFixture(provider)
{
    public ShiftedClock Clock { get; } = new();

    protected override void AddModule(WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<TimeProvider>(Clock);
        base.AddModule(builder);
    }
}

public sealed class SqliteInsights() : InsightsFixture(DatabaseProvider.Sqlite);

public sealed class PostgresInsights() : InsightsFixture(DatabaseProvider.Postgres);
