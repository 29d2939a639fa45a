using KnowledgeHub.Data;
using KnowledgeHub.ServiceDefaults.Http;

namespace KnowledgeHub.Alignment.Features.Members;

/// <summary>
/// The people Alignment knows exist: those any service has seen sign in, those Expertise has a
/// profile for, and everyone who called Alignment. Project members and objective and key-result
/// owners may name only them (issue 24, ADR 0047).
/// </summary>
internal static class KnownPeople
{
    public static Task RememberAsync(UnitOfWork work, Guid personId, TimeProvider time) =>
        work.ExecuteAsync(
            "INSERT INTO people (person_id, known_at) VALUES (@PersonId, @Now) ON CONFLICT (person_id) DO NOTHING",
            new { PersonId = personId, Now = time.UtcNowForDatabase() });

    public static async Task<bool> ExistsAsync(UnitOfWork work, Guid personId) =>
        await work.ScalarAsync<long>("SELECT count(*) FROM people WHERE person_id = @PersonId", new { PersonId = personId }) == 1;

    /// <summary>Adds an error for <paramref name="field"/> for each id that is nobody Alignment knows.</summary>
    public static async Task CheckAsync(UnitOfWork work, Validation validation, string field, IReadOnlyCollection<Guid>? personIds)
    {
        if (personIds is not { Count: > 0 })
        {
            return;
        }

        var known = (await work.QueryAsync<Guid>(
            $"SELECT person_id FROM people WHERE {work.Dialect.InList("person_id", "@Ids")}",
            new { Ids = personIds.Distinct().ToArray() })).ToHashSet();
        foreach (var unknown in personIds.Distinct().Where(id => !known.Contains(id)))
        {
            validation.Add(field, $"There is no person '{unknown}'. Owners are people who have signed in to the hub.");
        }
    }
}
