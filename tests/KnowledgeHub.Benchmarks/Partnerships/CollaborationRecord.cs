using System.Diagnostics;
using KnowledgeHub.Data;
using KnowledgeHub.Partnerships;

namespace KnowledgeHub.Benchmarks.Partnerships;

/// <summary>
/// A large collaboration record written straight into a Partnerships database (SQLite, the embedded
/// default), as its consumers would have left it: people in departments, projects, objectives,
/// communities and their members, a million pieces of help spread over 2026, and the aggregates the
/// consumers keep (<c>help_months</c>, <c>person_reach</c>, <c>community_departments</c>) derived from
/// them. Generated in SQL from fixed arithmetic, so every run holds the same data.
/// </summary>
internal static class CollaborationRecord
{
    public static async Task<string[]> SeedAsync(PartnershipsDatabase database, int people, int interactions, int departments)
    {
        var clock = Stopwatch.StartNew();
        var codes = Enumerable.Range(0, departments).Select(number => $"D{number:00}").ToArray();
        var ids = Enumerable.Range(0, people).Select(number => DeterministicId(1, number)).ToArray();
        await using var work = await database.BeginAsync();
        await work.ExecuteAsync("CREATE TEMP TABLE bench_people (n INTEGER PRIMARY KEY, id TEXT NOT NULL, department TEXT NOT NULL)");
        foreach (var chunk in Enumerable.Range(0, people).Chunk(500))
        {
            await work.ExecuteAsync(
                "INSERT INTO bench_people (n, id, department) VALUES (@N, @Id, @Department)",
                chunk.Select(number => new { N = number, Id = ids[number].ToString("D").ToUpperInvariant(), Department = codes[number % departments] }));
        }

        await work.ExecuteAsync(
            "INSERT INTO departments (code, name, version) VALUES (@Code, @Name, 1)",
            codes.Select(code => new { Code = code, Name = $"Department {code}" }));
        await work.ExecuteAsync(
            """
            INSERT INTO people (id, display_name, department, version) SELECT id, 'Person ' || n, department, 1 FROM bench_people;
            INSERT INTO department_history (person_id, since, department) SELECT id, '2025-01-01T00:00:00.0000000Z', department FROM bench_people;
            INSERT INTO person_skills (person_id, skill) SELECT id, 'skill-' || (n % 300) FROM bench_people;
            INSERT INTO person_skills (person_id, skill) SELECT id, 'skill-' || ((n * 7 + 11) % 300) FROM bench_people WHERE (n * 7 + 11) % 300 <> n % 300;
            """);
        await SeedWorkAsync(work, people, departments, codes);
        await work.ExecuteAsync(
            $"""
            WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < {interactions - 1})
            INSERT INTO interactions (id, kind, source, giver_id, receiver_id, post_id, community_id, project_id, detail, occurred_at, weight,
                                      giver_department, receiver_department, hidden, closed, counted)
            SELECT 'bench:' || i,
                   CASE i % 4 WHEN 0 THEN 'answer' WHEN 1 THEN 'accepted-answer' WHEN 2 THEN 'answer' ELSE 'endorsement' END,
                   'bench:' || i, g.id, r.id, NULL, NULL, NULL, 'Question ' || (i % 5000),
                   printf('2026-%02d-%02dT12:00:00.0000000Z', 1 + (i % 12), 1 + (i % 28)),
                   CASE i % 4 WHEN 1 THEN 2.0 ELSE 1.0 END,
                   g.department, r.department, 0, 0, CASE WHEN g.n = r.n THEN 0 ELSE 1 END
            FROM n
            JOIN bench_people g ON g.n = (i * 7919) % {people}
            -- Two in three pieces of help stay in the giver's department, as in most organisations.
            JOIN bench_people r ON r.n = CASE WHEN i % 3 = 0 THEN (i * 104729 + 13) % {people} ELSE ((i * 31) % ({people} / {departments})) * {departments} + g.n % {departments} END
            """);
        await work.ExecuteAsync(
            """
            INSERT INTO help_months (giver_department, receiver_department, month, help, contributions)
            SELECT giver_department, receiver_department, substr(occurred_at, 1, 7), SUM(weight), COUNT(*) FROM interactions WHERE counted
            GROUP BY giver_department, receiver_department, substr(occurred_at, 1, 7);
            INSERT INTO person_reach (person_id, giver_department, receiver_department, help, contributions)
            SELECT giver_id, giver_department, receiver_department, SUM(weight), COUNT(*) FROM interactions WHERE counted
            GROUP BY giver_id, giver_department, receiver_department;
            INSERT INTO community_departments (community_id, department, members)
            SELECT m.community_id, p.department, COUNT(*) FROM community_members m JOIN people p ON p.id = m.person_id WHERE m.status = 'active'
            GROUP BY m.community_id, p.department;
            """);
        await work.CommitAsync();
        Console.WriteLine($"  seeded {people:N0} people in {departments} departments and {interactions:N0} interactions in {clock.Elapsed.TotalSeconds:0} s");
        return codes;
    }

    /// <summary>Projects (sponsor and a partner, ten members, an objective each), objectives and communities (open, 1 in 10 closed).</summary>
    private static async Task SeedWorkAsync(UnitOfWork work, int people, int departments, string[] codes)
    {
        const int projects = 2_000, objectives = 400, communities = 200;
        var projectIds = Enumerable.Range(0, projects).Select(number => DeterministicId(2, number)).ToArray();
        var objectiveIds = Enumerable.Range(0, objectives).Select(number => DeterministicId(3, number)).ToArray();
        var communityIds = Enumerable.Range(0, communities).Select(number => DeterministicId(4, number)).ToArray();
        await work.ExecuteAsync(
            "INSERT INTO objectives (id, title, department, version) VALUES (@Id, @Title, @Department, 1); INSERT INTO objective_departments (objective_id, department) VALUES (@Id, @Department)",
            objectiveIds.Select((id, number) => new { Id = id, Title = $"Objective {number}", Department = codes[number % departments] }));
        await work.ExecuteAsync(
            """
            INSERT INTO projects (id, name, sponsor_department, status, version) VALUES (@Id, @Name, @Sponsor, 'active', 1);
            INSERT INTO project_departments (project_id, department, role) VALUES (@Id, @Sponsor, 'sponsor');
            INSERT INTO project_departments (project_id, department, role) VALUES (@Id, @Partner, 'partner') ON CONFLICT DO NOTHING;
            INSERT INTO project_objectives (project_id, objective_id) VALUES (@Id, @Objective);
            """,
            projectIds.Select((id, number) => new
            {
                Id = id,
                Name = $"Project {number}",
                Sponsor = codes[number % departments],
                Partner = codes[(number * 7 + 3) % departments],
                Objective = objectiveIds[number % objectives],
            }));
        await work.ExecuteAsync(
            "INSERT INTO project_members (project_id, person_id, assigned_at) VALUES (@Project, @Person, '2026-03-01T00:00:00.0000000Z') ON CONFLICT DO NOTHING",
            Enumerable.Range(0, projects * 10).Select(number => new { Project = projectIds[number / 10], Person = DeterministicId(1, (number * 37) % people) }));
        await work.ExecuteAsync(
            "INSERT INTO communities (id, name, visibility, version) VALUES (@Id, @Name, @Visibility, 1)",
            communityIds.Select((id, number) => new { Id = id, Name = $"Community {number}", Visibility = number % 10 == 0 ? "closed" : "open" }));
        await work.ExecuteAsync(
            "INSERT INTO community_members (community_id, person_id, role, status, version) VALUES (@Community, @Person, 'member', 'active', 1) ON CONFLICT DO NOTHING",
            Enumerable.Range(0, people * 3).Select(number => new { Community = communityIds[(number * 13) % communities], Person = DeterministicId(1, number % people) }));
    }

    /// <summary>The same UUID for the same kind and number in every run.</summary>
    public static Guid DeterministicId(int kind, int number) => new(number, (short)kind, 0, 0, 0, 0, 0, 0, 0, 0, 1);
}
