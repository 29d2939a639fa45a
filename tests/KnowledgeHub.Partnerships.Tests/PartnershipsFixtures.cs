using KnowledgeHub.Data;
using KnowledgeHub.Testing;
using Microsoft.AspNetCore.Builder;

namespace KnowledgeHub.Partnerships.Tests;

/// <summary>The Partnerships module on one provider, fed the events of <see cref="CollaborationHistory"/> once.</summary>
public abstract class PartnershipsFixture(DatabaseProvider provider) : ModuleFixture(PartnershipsModule.Name, provider)
{
    private readonly SemaphoreSlim _seeding = new(1, 1);
    private CollaborationHistory? _history;

    protected override void AddModule(WebApplicationBuilder builder) => builder.AddPartnerships();

    protected override void MapModule(WebApplication app) => app.MapPartnerships();

    /// <summary>The known history, published and consumed before the first test that asks for it.</summary>
    public async Task<CollaborationHistory> HistoryAsync()
    {
        await _seeding.WaitAsync();
        try
        {
            return _history ??= await CollaborationHistory.SeedAsync(Host);
        }
        finally
        {
            _seeding.Release();
        }
    }
}

public sealed class SqlitePartnerships() : PartnershipsFixture(DatabaseProvider.Sqlite);

public sealed class PostgresPartnerships() : PartnershipsFixture(DatabaseProvider.Postgres);

/// <summary>A fresh module per test class for tests that change what they read.</summary>
public sealed class SqliteScratch() : PartnershipsFixture(DatabaseProvider.Sqlite);

public sealed class PostgresScratch() : PartnershipsFixture(DatabaseProvider.Postgres);
