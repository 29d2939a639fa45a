using KnowledgeHub.Data;

namespace KnowledgeHub.Partnerships.Features;

/// <summary>A person as the lists show them.</summary>
internal sealed record PersonSummary(Guid Id, string DisplayName, string Department);

internal static class People
{
    /// <summary>The people among <paramref name="ids"/> whose profile the service knows and who are active, by id.</summary>
    public static async Task<Dictionary<Guid, PersonSummary>> ReadAsync(DbSession session, IReadOnlyCollection<Guid> ids)
    {
        var people = new Dictionary<Guid, PersonSummary>();
        foreach (var chunk in ids.Chunk(500))
        {
            foreach (var person in await session.QueryAsync<PersonRow>(
                $"SELECT id AS Id, display_name AS DisplayName, department AS Department FROM people WHERE active AND {session.Dialect.InList("id", "@Ids")}",
                new { Ids = chunk }))
            {
                people[person.Id] = new PersonSummary(person.Id, person.DisplayName, person.Department);
            }
        }

        return people;
    }

    private sealed class PersonRow
    {
        public Guid Id { get; init; }

        public required string DisplayName { get; init; }

        public required string Department { get; init; }
    }
}
