using KnowledgeHub.Data;

namespace KnowledgeHub.Expertise.Features.People;

/// <summary>Reads people with their declared skills and endorsement counts.</summary>
internal static class PersonReader
{
    public static async Task<PersonResponse?> ReadOneAsync(
        DbSession session, Guid id)
    {
        var found = await ReadAsync(session, "WHERE p.id = @Id", new { Id = id });
        return found.Count == 0 ? null : found[0];
    }

    public static async Task<IReadOnlyList<PersonResponse>> ReadAsync(
        DbSession session,
        string filter,
        object parameters)
    {
        var people = (await session.QueryAsync<PersonRow>(
            $"""
            SELECT p.id AS Id, p.email AS Email, p.display_name AS DisplayName, p.department AS Department,
                   p.title AS Title, p.location AS Location, p.bio AS Bio, p.timezone AS Timezone,
                   p.mentoring AS Mentoring, p.consulting AS Consulting, p.hours_per_week AS HoursPerWeek,
                   p.updated_at AS UpdatedAt, p.version AS Version, p.deactivated_at AS DeactivatedAt
            FROM people p
            {filter}
            """,
            parameters)).ToList();
        if (people.Count == 0)
        {
            return [];
        }

        var skills = (await session.QueryAsync<SkillRow>(
            $"""
            SELECT ps.person_id AS PersonId, s.name AS Name, ps.level AS Level,
                   (SELECT count(*) FROM endorsements e WHERE e.person_id = ps.person_id AND e.skill_id = ps.skill_id) AS Endorsements
            FROM person_skills ps JOIN skills s ON s.id = ps.skill_id
            WHERE {session.Dialect.InList("ps.person_id", "@Ids")}
            """,
            new { Ids = people.Select(person => person.Id).ToArray() })).ToLookup(skill => skill.PersonId);

        return people.Select(person => new PersonResponse(
            person.Id,
            person.Email,
            person.DisplayName,
            person.Department,
            person.Title,
            person.Location,
            person.Bio,
            person.Timezone,
            new Availability(person.Mentoring, person.Consulting, person.HoursPerWeek),
            skills[person.Id]
                .OrderByDescending(skill => skill.Level)
                .ThenBy(skill => skill.Name, StringComparer.OrdinalIgnoreCase)
                .Select(skill => new PersonSkill(skill.Name, skill.Level, skill.Endorsements))
                .ToList(),
            person.UpdatedAt,
            person.Version,
            Active: person.DeactivatedAt is null)).ToList();
    }

    private sealed class PersonRow
    {
        public Guid Id { get; init; }

        public required string Email { get; init; }

        public required string DisplayName { get; init; }

        public required string Department { get; init; }

        public string? Title { get; init; }

        public string? Location { get; init; }

        public string? Bio { get; init; }

        public string? Timezone { get; init; }

        public DateTimeOffset? DeactivatedAt { get; init; }

        public bool Mentoring { get; init; }

        public bool Consulting { get; init; }

        public int? HoursPerWeek { get; init; }

        public DateTimeOffset UpdatedAt { get; init; }

        public long Version { get; init; }
    }

    private sealed class SkillRow
    {
        public Guid PersonId { get; init; }

        public required string Name { get; init; }

        public int Level { get; init; }

        public int Endorsements { get; init; }
    }
}
