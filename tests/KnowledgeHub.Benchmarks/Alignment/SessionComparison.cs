using System.Diagnostics;
using Dapper;
using KnowledgeHub.Data;
using static KnowledgeHub.Benchmarks.Alignment.DataAccessBenchmarks;

namespace KnowledgeHub.Benchmarks.Alignment;

/// <summary>
/// The five hot reads as a module makes them, before and after the data-access session (ADR 0057):
/// before, feature code opened a connection and called Dapper with a <see cref="CommandDefinition"/>
/// carrying the transaction and token; now it opens a <see cref="DbSession"/> and calls its verb. Both
/// open a pooled connection per read, as a request does.
/// <para>
/// Measured in pairs, not one after the other: each round times a batch of each, alternating which
/// goes first, and the figure is the median of the rounds' ratios. On this shared machine the load
/// changes within seconds (BenchmarkDotNet's sequential runs gave margins of ±50 % at a load of 30),
/// and a pair sees the same load.
/// </para>
/// </summary>
internal sealed class SessionComparison(ModuleDatabase database, int rounds, int callsPerBatch)
{
    /// <summary>Prints each read's median ratio (session / before) with its quartiles; answers the worst median.</summary>
    public async Task<double> RunAsync()
    {
        string projectId;
        await using (var session = await database.OpenSessionAsync())
        {
            projectId = (await session.ScalarAsync<string>("SELECT project_id FROM project_partners ORDER BY project_id LIMIT 1"))!;
        }

        var reads = new (string Name, Func<Task> Before, Func<Task> Session)[]
        {
            ("project by id", () => BeforeOneAsync<ProjectRow>(ProjectById, new { Id = projectId }), () => SessionOneAsync<ProjectRow>(ProjectById, new { Id = projectId })),
            ("project page", () => BeforeListAsync<ListedProject>(ProjectPage, null), () => SessionListAsync<ListedProject>(ProjectPage, null)),
            ("partners of a project", () => BeforeListAsync<string>(PartnersOfProject, new { Id = projectId }), () => SessionListAsync<string>(PartnersOfProject, new { Id = projectId })),
            ("projects of a department", () => BeforeListAsync<ListedProject>(ProjectsOfDepartment, new { Department = "IT" }), () => SessionListAsync<ListedProject>(ProjectsOfDepartment, new { Department = "IT" })),
            ("departments", () => BeforeListAsync<DepartmentRow>(AllDepartments, null), () => SessionListAsync<DepartmentRow>(AllDepartments, null)),
        };

        var worst = 0.0;
        foreach (var (name, before, session) in reads)
        {
            await TimeAsync(before, callsPerBatch);
            await TimeAsync(session, callsPerBatch);
            var ratios = new List<double>(rounds);
            for (var round = 0; round < rounds; round++)
            {
                var sessionFirst = round % 2 == 1;
                var first = await TimeAsync(sessionFirst ? session : before, callsPerBatch);
                var second = await TimeAsync(sessionFirst ? before : session, callsPerBatch);
                ratios.Add(sessionFirst ? first / second : second / first);
            }

            ratios.Sort();
            var median = ratios[rounds / 2];
            Console.WriteLine($"  session: {name}: median ratio {median:0.000} (quartiles {ratios[rounds / 4]:0.000} to {ratios[rounds * 3 / 4]:0.000}, {rounds} rounds of {callsPerBatch} calls each)");
            worst = Math.Max(worst, median);
        }

        return worst;
    }

    private static async Task<double> TimeAsync(Func<Task> read, int calls)
    {
        var clock = Stopwatch.StartNew();
        for (var call = 0; call < calls; call++)
        {
            await read();
        }

        return clock.Elapsed.TotalMilliseconds;
    }

    // What feature code wrote at every call before the session: the transaction (none for a read) and the token.
    private static CommandDefinition Before(string sql, object? parameters) => new(sql, parameters, transaction: null, cancellationToken: CancellationToken.None);

    private async Task BeforeOneAsync<T>(string sql, object? parameters)
    {
        await using var connection = await database.OpenAsync();
        await connection.QuerySingleOrDefaultAsync<T>(Before(sql, parameters));
    }

    private async Task BeforeListAsync<T>(string sql, object? parameters)
    {
        await using var connection = await database.OpenAsync();
        (await connection.QueryAsync<T>(Before(sql, parameters))).AsList();
    }

    private async Task SessionOneAsync<T>(string sql, object? parameters)
    {
        await using var session = await database.OpenSessionAsync();
        await session.QueryOneAsync<T>(sql, parameters);
    }

    private async Task SessionListAsync<T>(string sql, object? parameters)
    {
        await using var session = await database.OpenSessionAsync();
        await session.QueryAsync<T>(sql, parameters);
    }
}
