using System.Data.Common;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using Dapper;
using KnowledgeHub.Data;
using Microsoft.Data.Sqlite;

namespace KnowledgeHub.Benchmarks.Alignment;

/// <summary>
/// Dapper against hand-written ADO.NET for five of the hottest reads behind the project and
/// scorecard pages, the same SQL on the same seeded <see cref="Portfolio"/> database, and for
/// "project by id" once more with the column types a module maps through the value handlers. Each
/// read is a category; the ADO.NET method is its baseline. Each category times the Dapper call twice:
/// mapped at build time by Dapper's source generator (<c>[DapperAot]</c>, methods ending in <c>Aot</c>),
/// as the modules make these reads (ADR 0107), with the parameters they pass (an anonymous object for one
/// project, Dapper's own <see cref="DynamicParameters"/> for a list, whose filters are optional) and, for one
/// project, its columns bound by position (ADR 0108), and mapped at run time, as the modules' other reads are.
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

    /// <summary>Project by id as a module maps it: a <see cref="Guid"/> parameter, ids, dates and instants read through the type handlers.</summary>
    internal const string TypedProjectById = """
        SELECT id AS Id, name AS Name, start_date AS StartDate, end_date AS EndDate, lead_id AS LeadId,
               created_at AS CreatedAt, version AS Version
        FROM projects WHERE id = @Id
        """;

    private SqliteConnection _connection = null!;
    private string _projectId = "";
    private Guid _projectGuid;

    /// <summary>The seeded database, set by the scenario before BenchmarkDotNet runs (in process).</summary>
    public static string ConnectionString { get; set; } = "";

    [GlobalSetup]
    public void Open()
    {
        _connection = new SqliteConnection(ConnectionString);
        _connection.Open();
        _projectId = _connection.ExecuteScalar<string>("SELECT project_id FROM project_partners ORDER BY project_id LIMIT 1")!;
        _projectGuid = Guid.Parse(_projectId);
        // As every module does before its first read; the generated reads get the value handlers declared to the generator (ADR 0107).
        DapperTypeHandlers.EnsureRegistered();

        // A read that mapped nothing would look fast: the three ways must read the same row.
        var expected = TypedProjectByIdAdo();
        if (expected is null || expected != TypedProjectByIdDapper() || expected != TypedProjectByIdDapperAot())
        {
            throw new InvalidOperationException($"The typed reads of project {_projectId} disagree.");
        }
    }

    [GlobalCleanup]
    public void Close() => _connection.Dispose();

    [Benchmark(Baseline = true), BenchmarkCategory("project by id")]
    public ProjectRow? ProjectByIdAdo()
    {
        using var command = Command(ProjectById, ("@Id", _projectId));
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadProject(reader) : null;
    }

    // First, as the baseline reads: Single would also read on to prove there is no second row.
    [Benchmark, BenchmarkCategory("project by id")]
    public ProjectRow? ProjectByIdDapper() => _connection.QueryFirstOrDefault<ProjectRow>(ProjectById, new { Id = _projectId });

    [Benchmark, BenchmarkCategory("project by id"), DapperAot]
    [QueryColumns("Id", "Name", "Description", "SponsorDepartment", "Status", "Currency", "StartDate", "EndDate", "LeadId", "Version")]
    public ProjectRow? ProjectByIdDapperAot() => _connection.QueryFirstOrDefault<ProjectRow>(ProjectById, new { Id = _projectId });

    [Benchmark(Baseline = true), BenchmarkCategory("project by id, typed")]
    public TypedProjectRow? TypedProjectByIdAdo()
    {
        // As the Guid handler binds it on SQLite: upper-case text.
        using var command = Command(TypedProjectById, ("@Id", _projectGuid.ToString("D").ToUpperInvariant()));
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new TypedProjectRow
            {
                Id = Guid.Parse(reader.GetString(0)),
                Name = reader.GetString(1),
                StartDate = DateOnly.ParseExact(reader.GetString(2), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                EndDate = DateOnly.ParseExact(reader.GetString(3), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                LeadId = Guid.Parse(reader.GetString(4)),
                CreatedAt = DateTimeOffset.Parse(reader.GetString(5), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                Version = reader.GetInt64(6),
            }
            : null;
    }

    [Benchmark, BenchmarkCategory("project by id, typed")]
    public TypedProjectRow? TypedProjectByIdDapper() => _connection.QueryFirstOrDefault<TypedProjectRow>(TypedProjectById, new { Id = _projectGuid });

    [Benchmark, BenchmarkCategory("project by id, typed"), DapperAot]
    [QueryColumns("Id", "Name", "StartDate", "EndDate", "LeadId", "CreatedAt", "Version")]
    public TypedProjectRow? TypedProjectByIdDapperAot() => _connection.QueryFirstOrDefault<TypedProjectRow>(TypedProjectById, new { Id = _projectGuid });

    [Benchmark(Baseline = true), BenchmarkCategory("project page")]
    public List<ListedProject> ProjectPageAdo() => ReadListed(Command(ProjectPage));

    [Benchmark, BenchmarkCategory("project page")]
    public List<ListedProject> ProjectPageDapper() => _connection.Query<ListedProject>(ProjectPage).AsList();

    [Benchmark, BenchmarkCategory("project page"), DapperAot]
    public List<ListedProject> ProjectPageDapperAot() => _connection.Query<ListedProject>(ProjectPage).AsList();

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
    public List<string> PartnersDapper() => _connection.Query<string>(PartnersOfProject, new { Id = _projectId }).AsList();

    [Benchmark, BenchmarkCategory("partners of a project"), DapperAot]
    public List<string> PartnersDapperAot() => _connection.Query<string>(PartnersOfProject, new { Id = _projectId }).AsList();

    [Benchmark(Baseline = true), BenchmarkCategory("projects of a department")]
    public List<ListedProject> DepartmentAdo() => ReadListed(Command(ProjectsOfDepartment, ("@Department", "IT")));

    [Benchmark, BenchmarkCategory("projects of a department")]
    public List<ListedProject> DepartmentDapper() => _connection.Query<ListedProject>(ProjectsOfDepartment, new { Department = "IT" }).AsList();

    [Benchmark, BenchmarkCategory("projects of a department"), DapperAot]
    public List<ListedProject> DepartmentDapperAot() => _connection.Query<ListedProject>(ProjectsOfDepartment, Parameters("Department", "IT")).AsList();

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
    public List<DepartmentRow> DepartmentsDapper() => _connection.Query<DepartmentRow>(AllDepartments).AsList();

    [Benchmark, BenchmarkCategory("departments"), DapperAot]
    public List<DepartmentRow> DepartmentsDapperAot() => _connection.Query<DepartmentRow>(AllDepartments).AsList();

    /// <summary>As the module's project lists pass their filters (ProjectReader): built per call.</summary>
    private static DynamicParameters Parameters(string name, object value)
    {
        var parameters = new DynamicParameters();
        parameters.Add(name, value);
        return parameters;
    }

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

    public sealed record TypedProjectRow
    {
        public Guid Id { get; set; }
        public string Name { get; set; } = "";
        public DateOnly StartDate { get; set; }
        public DateOnly EndDate { get; set; }
        public Guid LeadId { get; set; }
        public DateTimeOffset CreatedAt { get; set; }
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
