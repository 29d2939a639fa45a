using KnowledgeHub.Contracts.Expertise;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging.Outbox;

namespace KnowledgeHub.Expertise.Features.People;

/// <summary>After any change to a person: read the new state and announce it, in the same transaction.</summary>
internal sealed class PersonChanges(ExpertiseDatabase database, Outbox<ExpertiseDatabase> outbox, TimeProvider time)
{
    private const int Batch = 500;

    public async Task<PersonResponse> PublishAsync(UnitOfWork work, Guid personId)
    {
        var person = await PersonReader.ReadOneAsync(work, personId)
            ?? throw new InvalidOperationException($"Person {personId} vanished inside its own transaction.");
        await outbox.EnqueueAsync(work, ToEvent(person));
        return person;
    }

    /// <summary>
    /// Starts a change of a person that is not an edit of the profile's fields (a declared skill):
    /// the profile gets a new version, or nothing happens when <paramref name="expectedVersion"/> is stale.
    /// </summary>
    public async Task<bool> TouchAsync(UnitOfWork work, Guid personId, long? expectedVersion) =>
        await work.ExecuteAsync(
            "UPDATE people SET version = version + 1, updated_at = @Now WHERE id = @Id AND (@Expected IS NULL OR version = @Expected)",
            new { Id = personId, Expected = expectedVersion, Now = time.UtcNowForDatabase() }) == 1;

    /// <summary>Gives many people a new version and announces each (after the taxonomy renamed or merged one of their skills).</summary>
    public async Task TouchAndPublishAllAsync(UnitOfWork work, IReadOnlyCollection<Guid> personIds)
    {
        foreach (var batch in personIds.Chunk(Batch))
        {
            await work.ExecuteAsync(
                $"UPDATE people SET version = version + 1, updated_at = @Now WHERE {database.Dialect.InList("id", "@Ids")}",
                new { Ids = batch, Now = time.UtcNowForDatabase() });
            await PublishBatchAsync(work, batch, replayOf: null);
        }
    }

    /// <summary>
    /// Announces the current state of the given people as they are, versions unchanged, naming the
    /// reindex they answer if any; returns how many were announced (people since removed are not).
    /// </summary>
    public async Task<int> PublishAllAsync(UnitOfWork work, IReadOnlyCollection<Guid> personIds, Guid? replayOf)
    {
        var published = 0;
        foreach (var batch in personIds.Chunk(Batch))
        {
            published += await PublishBatchAsync(work, batch, replayOf);
        }

        return published;
    }

    private async Task<int> PublishBatchAsync(UnitOfWork work, Guid[] personIds, Guid? replayOf)
    {
        var people = await PersonReader.ReadAsync(
            work,
            $"WHERE {database.Dialect.InList("p.id", "@Ids")}",
            new { Ids = personIds });
        await outbox.EnqueueAllAsync(work, people.Select(person => ToEvent(person) with { ReplayOf = replayOf }));

        return people.Count;
    }

    private static PersonProfileChanged ToEvent(PersonResponse person) =>
        new(
            person.Id,
            person.Email,
            person.DisplayName,
            person.Department,
            person.Title,
            person.Location,
            person.Bio,
            person.Skills.Select(skill => skill.Name).ToList(),
            person.Version,
            person.UpdatedAt,
            Active: person.Active);
}
