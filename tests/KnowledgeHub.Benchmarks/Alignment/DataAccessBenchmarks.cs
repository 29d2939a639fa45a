using System.Data.Common;
using BenchmarkDotNet.Attributes;
using Dapper;
using KnowledgeHub.Data;
using Microsoft.Data.Sqlite;

namespace KnowledgeHub.Benchmarks.Alignment;

/// <summary>
/// Dapper as production calls it, through a <see cref="DbSession"/>'s verbs, against hand-written
/// ADO.NET for five of the hottest reads behind the project and scorecard pages, the same SQL on the
/// same seeded <see cref="Portfolio"/> database. Each pair is a category; the ADO.NET method is its
/// baseline. Both hold one open connection for the whole run; the session's verbs are asynchronous,
/// as every module calls them, while the baseline stays synchronous: any cost of that is the session's.
/// </summary>
[GroupBenchmarksBy(BenchmarkDotNet.Configs.BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
[MemoryDiagnoser]
public class DataAccessBenchmarks
{
    internal const string ProjectById = """
        SELECT id AS Id, name AS Name, description AS Description, sponsor_department AS SponsorDepartment, status AS Status,
               currency AS Currency, start_date AS StartDate, end_date AS EndDate, lead_id AS LeadId, version AS Version
        FROM projects WHERE id = @Id
        """;

    internal const string ProjectPage = "SELECT id AS Id, name AS Name, status AS Status, version AS Version FROM projects ORDER BY id LIMIT 20";
    internal const string PartnersOfProject = "SELECT department FROM project_partners WHERE project_id = @Id";
    internal const string ProjectsOfDepartment = "SELECT id AS Id, name AS Name, status AS Status, version AS Version FROM projects WHERE sponsor_department = @Department ORDER BY id LIMIT 20";
    internal const string AllDepartments = "SELECT code AS Code, name AS Name, version AS Version FROM departments ORDER BY code";

    private SqliteConnection _connection = null!;
    private DbSession _session = null!;
    private string _projectId = "";

    /// <summary>The seeded database, set by the scenario before BenchmarkDotNet runs (in process).</summary>
    public static ModuleDatabase Database { get; set; } = null!;

    [GlobalSetup]
    public async Task OpenAsync()
    {
        _connection = new SqliteConnection(Database.Settings.ConnectionString);
        _connection.Open();
        _projectId = _connection.ExecuteScalar<string>("SELECT project_id FROM project_partners ORDER BY project_id LIMIT 1")!;
        _session = await Database.OpenSessionAsync();
    }

    [GlobalCleanup]
    public async Task CloseAsync()
    {
        await _session.DisposeAsync();
        await _connection.DisposeAsync();
    }

    [Benchmark(Baseline = true), BenchmarkCategory("project by id")]
    public ProjectRow? ProjectByIdAdo()
    {
        using var command = Command(ProjectById, ("@Id", _projectId));
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadProject(reader) : null;
    }

    // The verb production calls; it reads on to prove there is no second row, which the baseline does not.
    [Benchmark, BenchmarkCategory("project by id")]
    public Task<ProjectRow?> ProjectByIdSession() => _session.QueryOneAsync<ProjectRow>(ProjectById, new { Id = _projectId });

    [Benchmark(Baseline = true), BenchmarkCategory("project page")]
    public List<ListedProject> ProjectPageAdo() => ReadListed(Command(ProjectPage));

    [Benchmark, BenchmarkCategory("project page")]
    public Task<IReadOnlyList<ListedProject>> ProjectPageSession() => _session.QueryAsync<ListedProject>(ProjectPage);

    [Benchmark(Baseline = true), BenchmarkCategory("partners of a project")]
    public List<string> PartnersAdo()
    {
        using var command = Command(PartnersOfProject, ("@Id", _projectId));
        using var reader = command.ExecuteReader();
        var partners = new List<string>();
        while (reader.Read())
        {
            partners.Add(reader.GetString(0));
        }

        return partners;
    }

    [Benchmark, BenchmarkCategory("partners of a project")]
    public Task<IReadOnlyList<string>> PartnersSession() => _session.QueryAsync<string>(PartnersOfProject, new { Id = _projectId });

    [Benchmark(Baseline = true), BenchmarkCategory("projects of a department")]
    public List<ListedProject> DepartmentAdo() => ReadListed(Command(ProjectsOfDepartment, ("@Department", "IT")));

    [Benchmark, BenchmarkCategory("projects of a department")]
    public Task<IReadOnlyList<ListedProject>> DepartmentSession() => _session.QueryAsync<ListedProject>(ProjectsOfDepartment, new { Department = "IT" });

    [Benchmark(Baseline = true), BenchmarkCategory("departments")]
    public List<DepartmentRow> DepartmentsAdo()
    {
        using var command = Command(AllDepartments);
        using var reader = command.ExecuteReader();
        var departments = new List<DepartmentRow>();
        while (reader.Read())
        {
            departments.Add(new DepartmentRow { Code = reader.GetString(0), Name = reader.GetString(1), Version = reader.GetInt64(2) });
        }

        return departments;
    }

    [Benchmark, BenchmarkCategory("departments")]
    public Task<IReadOnlyList<DepartmentRow>> DepartmentsSession() => _session.QueryAsync<DepartmentRow>(AllDepartments);

    /// <summary>The same five pairs as calls for <see cref="PairedRounds"/> (after <see cref="OpenAsync"/>); the baseline stays synchronous and allocates nothing more.</summary>
    internal (string Read, Func<Task> Ado, Func<Task> Session)[] Pairs() =>
    [
        ("project by id", () => Done(ProjectByIdAdo()), ProjectByIdSession),
        ("project page", () => Done(ProjectPageAdo()), ProjectPageSession),
        ("partners of a project", () => Done(PartnersAdo()), PartnersSession),
        ("projects of a department", () => Done(DepartmentAdo()), DepartmentSession),
        ("departments", () => Done(DepartmentsAdo()), DepartmentsSession),
    ];

    private static Task Done<T>(T _) => Task.CompletedTask;

    private SqliteCommand Command(string sql, params (string Name, object Value)[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }

    private static ProjectRow ReadProject(DbDataReader reader) => new()
    {
        Id = reader.GetString(0),
        Name = reader.GetString(1),
        Description = reader.GetString(2),
        SponsorDepartment = reader.GetString(3),
        Status = reader.GetString(4),
        Currency = reader.GetString(5),
        StartDate = reader.GetString(6),
        EndDate = reader.GetString(7),
        LeadId = reader.GetString(8),
        Version = reader.GetInt64(9),
    };

    private static List<ListedProject> ReadListed(SqliteCommand command)
    {
        using (command)
        using (var reader = command.ExecuteReader())
        {
            var projects = new List<ListedProject>();
            while (reader.Read())
            {
                projects.Add(new ListedProject { Id = reader.GetString(0), Name = reader.GetString(1), Status = reader.GetString(2), Version = reader.GetInt64(3) });
            }

            return projects;
        }
    }

    public sealed class ProjectRow
    {
        public string Id { get; set; } = "";
        public string Name { get; set; } = "";
        public string Description { get; set; } = "";
        public string SponsorDepartment { get; set; } = "";
        public string Status { get; set; } = "";
        public string Currency { get; set; } = "";
        public string StartDate { get; set; } = "";
        public string EndDate { get; set; } = "";
        public string LeadId { get; set; } = "";
        public long Version { get; set; }
    }

    public sealed class ListedProject
    {
        public string Id { get; set; } = "";
        public string Name { get; set; } = "";
        public string Status { get; set; } = "";
        public long Version { get; set; }
    }

    public sealed class DepartmentRow
    {
        public string Code { get; set; } = "";
        public string Name { get; set; } = "";
        public long Version { get; set; }
    }
}
