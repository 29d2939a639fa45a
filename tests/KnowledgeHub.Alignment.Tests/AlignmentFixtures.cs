using Dapper;
using KnowledgeHub.Contracts.Expertise;
using KnowledgeHub.Data;
using KnowledgeHub.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeHub.Alignment.Tests;

public abstract class AlignmentFixture(DatabaseProvider provider) : ModuleFixture(AlignmentModule.Name, provider)
{
    /// <summary>The host's clock: real time moved by <see cref="AdjustableClock.Offset"/>.</summary>
    public AdjustableClock Clock { get; } = new();

    /// <summary>US dollars convert to euros at 0.9; other currencies have no rate.</summary>
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Alignment:Currencies:Base"] = "EUR",
        ["Alignment:Currencies:Rates:USD"] = "0.9",
    };

    protected override void AddModule(WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<TimeProvider>(Clock);
        builder.AddAlignment();
    }

    protected override void MapModule(WebApplication app) => app.MapAlignment();

    /// <summary>
    /// Announces people as the other services would on their first sign-in, and waits until Alignment
    /// knows them, so projects may name them as members.
    /// </summary>
    public async Task KnowPeopleAsync(params TestUser[] people)
    {
        foreach (var person in people)
        {
            await Host.PublishAsync(new PersonSeen(person.Id, person.Email, person.DisplayName, person.Department, DateTimeOffset.UtcNow));
        }

        var database = Host.Get<AlignmentDatabase>();
        var ids = people.Select(person => person.Id).Distinct().ToArray();
        await Eventually.AssertAsync(
            async () =>
            {
                await using var session = await database.OpenSessionAsync();
                return await session.ScalarAsync<long>($"SELECT count(*) FROM people WHERE {database.Dialect.InList("person_id", "@Ids")}", new { Ids = ids }) == ids.Length;
            },
            TimeSpan.FromSeconds(10),
            "Alignment to know the people");
    }

    /// <summary>
    /// Announces departments as the Expertise service would and waits until Alignment knows them,
    /// so projects and objectives may name them.
    /// </summary>
    public async Task KnowDepartmentsAsync(params string[] codes)
    {
        foreach (var code in codes)
        {
            await Host.PublishAsync(new DepartmentChanged(code, $"Department {code}", 1, DateTimeOffset.UtcNow));
        }

        var database = Host.Get<AlignmentDatabase>();
        await Eventually.AssertAsync(
            async () =>
            {
                await using var connection = await database.OpenAsync();
                var known = await connection.ExecuteScalarAsync<long>(
                    $"SELECT count(*) FROM departments WHERE {database.Dialect.InList("code", "@Codes")}", new { Codes = codes });
                return known == codes.Distinct().Count();
            },
            TimeSpan.FromSeconds(10),
            $"Alignment to know {string.Join(", ", codes)}");
    }
}

public sealed class SqliteAlignment() : AlignmentFixture(DatabaseProvider.Sqlite);

public sealed class PostgresAlignment() : AlignmentFixture(DatabaseProvider.Postgres);

/// <summary>Real time, moved by <see cref="Offset"/>, so tests can write things "in the past".</summary>
public sealed class AdjustableClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
}
