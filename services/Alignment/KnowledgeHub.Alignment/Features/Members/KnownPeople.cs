using KnowledgeHub.Data;

namespace KnowledgeHub.Alignment.Features.Members;

/// <summary>
/// The people Alignment knows exist: those any service has seen sign in, those Expertise has a
/// profile for, and everyone who called Alignment. A project may name only them (issue 24, ADR 0047).
/// </summary>
internal static class KnownPeople
{
    public static Task RememberAsync(UnitOfWork work, Guid personId, TimeProvider time) =>
        work.ExecuteAsync(
            "INSERT INTO people (person_id, known_at) VALUES (@PersonId, @Now) ON CONFLICT (person_id) DO NOTHING",
            new { PersonId = personId, Now = time.UtcNowForDatabase() });

    public static async Task<bool> ExistsAsync(UnitOfWork work, Guid personId) =>
        await work.ScalarAsync<long>("SELECT count(*) FROM people WHERE person_id = @PersonId", new { PersonId = personId }) == 1;
}
