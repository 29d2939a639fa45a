using KnowledgeHub.Data;
using KnowledgeHub.Expertise.Features.Departments;
using KnowledgeHub.Expertise.Features.Evidence;
using KnowledgeHub.Expertise.Features.Skills;
using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.ServiceDefaults.Http;

namespace KnowledgeHub.Expertise.Features.People;

/// <summary>
/// Writes validated import rows set by set: what is stored is read once for all rows, compared in
/// memory, and only the differences are written, many rows per statement. A thousand people cost
/// a few dozen statements plus one outbox row per changed person, instead of dozens per person.
/// Skills are only added or re-levelled, never removed, by an import.
/// </summary>
internal sealed class ImportWriter(ExpertiseDatabase database, DepartmentDirectory departments, SkillTaxonomy taxonomy, PersonChanges changes, TimeProvider time)
{
    public async Task<(int Created, int Updated, int Unchanged)> WriteAsync(UnitOfWork work, IReadOnlyList<ImportPeople.Row> rows)
    {
        var now = time.UtcNowForDatabase();
        var people = rows.Select(Profile.From).ToList();
        foreach (var department in people.Select(person => person.Department).Distinct(StringComparer.Ordinal))
        {
            await departments.EnsureAsync(work, department);
        }

        var skills = await taxonomy.ResolveOrCreateManyAsync(work, people.SelectMany(person => person.Skills.Select(skill => skill.Name)).ToList());
        var ids = people.Select(person => person.Id).ToArray();
        var stored = (await work.QueryAsync<Profile>(
            $"""
            SELECT id AS Id, display_name AS DisplayName, department AS Department, title AS Title, location AS Location, bio AS Bio
            FROM people WHERE {database.Dialect.InList("id", "@Ids")}
            """,
            new { Ids = ids })).ToDictionary(person => person.Id);
        people = people.Select(person => stored.TryGetValue(person.Id, out var before) ? person.KeepingUnnamedFrom(before) : person).ToList();
        var levels = (await work.QueryAsync<Declaration>(
            $"SELECT person_id AS PersonId, skill_id AS SkillId, level AS Level FROM person_skills WHERE {database.Dialect.InList("person_id", "@Ids")}",
            new { Ids = ids })).ToDictionary(declaration => (declaration.PersonId, declaration.SkillId), declaration => declaration.Level);

        var created = people.Where(person => !stored.ContainsKey(person.Id)).ToList();
        var edited = people.Where(person => stored.TryGetValue(person.Id, out var before) && !before.SameAs(person)).ToList();

        // When a row names a skill twice (by two of its names), the last mention wins.
        var declarations = people
            .SelectMany(person => person.Skills.Select(skill => new Declaration { PersonId = person.Id, SkillId = skills[SkillTaxonomy.KeyOf(skill.Name)].Id, Level = skill.Level }))
            .GroupBy(declaration => (declaration.PersonId, declaration.SkillId))
            .Select(mentions => mentions.Last())
            .Where(declaration => levels.GetValueOrDefault((declaration.PersonId, declaration.SkillId)) != declaration.Level)
            .ToList();
        var redeclared = declarations.Select(declaration => declaration.PersonId).ToHashSet();

        await InsertAsync(work, created, now);
        await UpdateAsync(work, edited, now);
        await work.ExecuteAsync(
            $"UPDATE people SET version = version + 1, updated_at = @Now WHERE {database.Dialect.InList("id", "@Ids")}",
            new { Ids = redeclared.Where(id => stored.ContainsKey(id)).Except(edited.Select(person => person.Id)).ToArray(), Now = now });
        await work.ExecuteRowsAsync(
            """
            INSERT INTO person_skills (person_id, skill_id, level, updated_at) VALUES {rows}
            ON CONFLICT (person_id, skill_id) DO UPDATE SET level = excluded.level, updated_at = excluded.updated_at
            """,
            declarations,
            declaration => [declaration.PersonId, declaration.SkillId, declaration.Level, now]);
        await DeclaredEvidence.SyncAsync(work, [.. redeclared]);

        var changed = created.Concat(edited).Select(person => person.Id).Union(redeclared).ToList();
        await changes.PublishAllAsync(work, changed, replayOf: null);
        var updated = changed.Count - created.Count;
        return (created.Count, updated, people.Count - created.Count - updated);
    }

    private Task InsertAsync(UnitOfWork work, List<Profile> people, DateTimeOffset now) =>
        work.ExecuteRowsAsync(
            "INSERT INTO people (id, email, display_name, name_key, department, title, location, bio, version, created_at, updated_at) VALUES {rows}",
            people,
            person => [person.Id, person.Email, person.DisplayName, ProfileRules.NameKey(person.DisplayName), person.Department, person.Title, person.Location, person.Bio, 1, now, now]);

    private static async Task UpdateAsync(UnitOfWork work, List<Profile> people, DateTimeOffset now)
    {
        foreach (var person in people)
        {
            await work.ExecuteAsync(
                """
                UPDATE people SET display_name = @DisplayName, name_key = @NameKey, department = @Department, title = @Title,
                    location = @Location, bio = @Bio, version = version + 1, updated_at = @Now
                WHERE id = @Id
                """,
                new { person.Id, person.DisplayName, NameKey = ProfileRules.NameKey(person.DisplayName), person.Department, person.Title, person.Location, person.Bio, Now = now });
        }
    }

    /// <summary>The fields of a profile an import sets, as sent (cleaned) or as stored.</summary>
    private sealed record Profile
    {
        public Guid Id { get; init; }

        public string Email { get; init; } = "";

        public required string DisplayName { get; init; }

        public required string Department { get; init; }

        public string? Title { get; init; }

        public string? Location { get; init; }

        public string? Bio { get; init; }

        public IReadOnlyList<(string Name, int Level)> Skills { get; init; } = [];

        /// <summary>The optional fields the row named; the others keep their stored value.</summary>
        public IReadOnlySet<string> Named { get; init; } = new HashSet<string>();

        public static Profile From(ImportPeople.Row row)
        {
            var email = row.Email!.Trim().ToLowerInvariant();
            return new Profile
            {
                Id = PersonIds.FromEmail(email),
                Email = email,
                DisplayName = row.DisplayName!.Trim(),
                Department = DepartmentCodes.Normalize(row.Department)!,
                Title = ProfileRules.Clean(row.Title),
                Location = ProfileRules.Clean(row.Location),
                Bio = ProfileRules.Clean(row.Bio),
                Skills = (row.Skills ?? []).Select(skill => (skill!.Name!, skill.Level!.Value)).ToList(),
                Named = row.Named,
            };
        }

        public Profile KeepingUnnamedFrom(Profile stored) => this with
        {
            Title = Named.Contains(nameof(Title)) ? Title : stored.Title,
            Location = Named.Contains(nameof(Location)) ? Location : stored.Location,
            Bio = Named.Contains(nameof(Bio)) ? Bio : stored.Bio,
        };

        public bool SameAs(Profile other) =>
            (DisplayName, Department, Title, Location, Bio) == (other.DisplayName, other.Department, other.Title, other.Location, other.Bio);
    }

    private sealed class Declaration
    {
        public Guid PersonId { get; init; }

        public Guid SkillId { get; init; }

        public int Level { get; init; }
    }
}
