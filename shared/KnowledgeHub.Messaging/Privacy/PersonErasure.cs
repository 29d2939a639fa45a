using KnowledgeHub.Contracts.Expertise;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging.Inbox;
using KnowledgeHub.Messaging.Outbox;
using KnowledgeHub.Messaging.People;
using KnowledgeHub.ServiceDefaults.Auth;

namespace KnowledgeHub.Messaging.Privacy;

/// <summary>
/// A module's part of an erasure (ADR 0072): in one transaction it records the person as erased,
/// runs the module's statements (each module lists them beside its export's sets, so what is
/// exported is what is erased), and answers <see cref="PersonDataErased"/> through its outbox.
/// Statements take <c>@PersonId</c>, <c>@FormerMember</c> (whom kept contributions are re-attributed
/// to) and <c>@FormerMemberName</c>.
/// </summary>
public abstract class PersonErasureConsumer<TDatabase>(TDatabase database, TimeProvider time, Outbox<TDatabase> outbox, PeopleSeen peopleSeen)
    : InboxConsumer<TDatabase, PersonErasureStarted>(database, time)
    where TDatabase : ModuleDatabase
{
    private readonly string _service = database.Settings.Name;
    private readonly TimeProvider _time = time;

    protected abstract IReadOnlyList<string> Statements { get; }

    protected override async Task ApplyAsync(UnitOfWork work, PersonErasureStarted erasure, CancellationToken cancellationToken)
    {
        if (erasure.ErasureId == Guid.Empty || erasure.PersonId == Guid.Empty || erasure.PersonId == PersonIds.FormerMember)
        {
            throw new InvalidEventException("A PersonErasureStarted needs an erasure id and a person who is not the former member.");
        }

        await BeforeStatementsAsync(work, erasure.PersonId);
        await ErasedPeople.RecordAsync(work, erasure);
        var parameters = new { erasure.PersonId, PersonIds.FormerMember, FormerMemberName = PersonIds.FormerMemberName };
        foreach (var statement in Statements)
        {
            await work.ExecuteAsync(statement, parameters);
        }

        await AfterStatementsAsync(work, erasure.PersonId);
        peopleSeen.Forget(erasure.PersonId);
        await outbox.EnqueueAsync(work, new PersonDataErased(erasure.ErasureId, erasure.PersonId, _service, _time.GetUtcNow()));
    }

    /// <summary>What the module must read before the statements delete it, such as whom the person endorsed.</summary>
    protected virtual Task BeforeStatementsAsync(UnitOfWork work, Guid personId) => Task.CompletedTask;

    /// <summary>What the module must do beyond its statements, such as recomputing what the deleted rows counted toward.</summary>
    protected virtual Task AfterStatementsAsync(UnitOfWork work, Guid personId) => Task.CompletedTask;
}

/// <summary>
/// The people a module erased, so that late news of them does not bring them back. An erasure holds the
/// person's turn alone from its record to its commit, and a check for it holds the turn shared until the
/// checking transaction ends: without that, news checked just before an erasure committed was written
/// just after it, and brought the person back (a profile re-created from a sign-in event, seen in CI).
/// </summary>
public static class ErasedPeople
{
    /// <summary>The key space of the people's turns (<see cref="UnitOfWork.TakeTurnAsync"/>).</summary>
    private const int PersonTurns = 0x5045_4F50; // "PEOP"

    /// <summary>Records the erasure, holding the person's turn until <paramref name="work"/> ends; take it before the module's statements delete anything.</summary>
    public static async Task RecordAsync(UnitOfWork work, PersonErasureStarted erasure)
    {
        await work.TakeTurnAsync(PersonTurns, erasure.PersonId);
        await work.ExecuteAsync(
            """
            INSERT INTO erased_people (person_id, erasure_id, requested_at) VALUES (@PersonId, @ErasureId, @RequestedAt)
            ON CONFLICT (person_id) DO UPDATE SET erasure_id = excluded.erasure_id, requested_at = excluded.requested_at
            WHERE erased_people.requested_at < excluded.requested_at
            """,
            new { erasure.PersonId, erasure.ErasureId, erasure.RequestedAt });
    }

    /// <summary>
    /// True when news of the person stamped <paramref name="stampedAt"/> is older than their erasure: it was on
    /// its way when they were erased. A person who signs up again after their erasure is news stamped later.
    /// Holds the person's turn, shared, until <paramref name="work"/> ends, so no erasure commits between
    /// this answer and what the caller writes on it.
    /// </summary>
    public static async Task<bool> ErasedSinceAsync(UnitOfWork work, Guid personId, DateTimeOffset stampedAt)
    {
        await work.TakeTurnAsync(PersonTurns, personId, shared: true);
        return await work.ScalarAsync<bool>(
            "SELECT count(*) > 0 FROM erased_people WHERE person_id = @PersonId AND requested_at >= @StampedAt",
            new { PersonId = personId, StampedAt = stampedAt });
    }
}
