using System.Security.Claims;
using KnowledgeHub.Data;
using KnowledgeHub.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeHub.Messaging.Privacy;

/// <summary>One kind of row a module holds about a person, as their export names it: a query with <c>@PersonId</c>.</summary>
public sealed record PersonalDataSet(string Name, string Sql);

/// <summary>Everything one service holds about one person: per set, its rows with their column names.</summary>
public sealed record PersonalDataExport(
    string Service, Guid PersonId, DateTimeOffset ExportedAt, IReadOnlyDictionary<string, IReadOnlyList<IDictionary<string, object>>> Data);

/// <summary>A module's part of a person's data export (issue 21): the gateway gathers every module's into one zip.</summary>
public interface IPersonalDataSource
{
    string Service { get; }

    Task<PersonalDataExport> ReadAsync(Guid personId, CancellationToken cancellationToken);
}

/// <summary>
/// Reads a module's sets for a person. Each module lists what it holds about people in one place, so
/// what the export shows is what the module keeps; a table added without its set is a gap the
/// module's privacy test finds.
/// </summary>
public sealed class PersonalDataSource<TDatabase>(TDatabase database, IReadOnlyList<PersonalDataSet> sets, TimeProvider time) : IPersonalDataSource
    where TDatabase : ModuleDatabase
{
    public string Service => database.Settings.Name;

    public async Task<PersonalDataExport> ReadAsync(Guid personId, CancellationToken cancellationToken)
    {
        await using var session = await database.OpenSessionAsync(cancellationToken);
        var data = new Dictionary<string, IReadOnlyList<IDictionary<string, object>>>(StringComparer.Ordinal);
        foreach (var set in sets)
        {
            // Dapper answers untyped rows as dictionaries of column name to value.
            var rows = await session.QueryAsync<object>(set.Sql, new { PersonId = personId });
            data[set.Name] = rows.Cast<IDictionary<string, object>>().ToList();
        }

        return new PersonalDataExport(Service, personId, time.GetUtcNow(), data);
    }
}

public static class PersonalDataRegistration
{
    /// <summary>Where a service answers its part of the caller's export, for a gateway that proxies it.</summary>
    public static string ExportPath(string service) => $"/api/privacy/{service}/export";

    /// <summary>The path prefix a service owns for its privacy routes.</summary>
    public static string RoutePrefix(string service) => $"/api/privacy/{service}";

    public static IServiceCollection AddPersonalData<TDatabase>(this IServiceCollection services, IReadOnlyList<PersonalDataSet> sets)
        where TDatabase : ModuleDatabase =>
        services.AddSingleton<IPersonalDataSource>(provider => new PersonalDataSource<TDatabase>(
            provider.GetRequiredService<TDatabase>(), sets, provider.GetRequiredService<TimeProvider>()));

    /// <summary>The caller's part of their export from this module: what the gateway of a distributed hub asks each service for.</summary>
    public static IEndpointRouteBuilder MapPersonalDataExport(this IEndpointRouteBuilder endpoints, string service)
    {
        endpoints.MapGet(ExportPath(service), (ClaimsPrincipal user, IEnumerable<IPersonalDataSource> sources, CancellationToken cancellationToken) =>
                sources.Single(source => source.Service == service).ReadAsync(user.PersonId(), cancellationToken))
            .RequireAuthorization()
            .WithName($"{service}PersonalDataExport")
            .WithSummary("Everything this service holds about the caller, for their data export (GET /api/people/me/export gathers every service's).");
        return endpoints;
    }
}
