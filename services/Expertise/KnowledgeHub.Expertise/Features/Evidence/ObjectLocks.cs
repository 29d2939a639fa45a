using KnowledgeHub.Data;

namespace KnowledgeHub.Expertise.Features.Evidence;

/// <summary>
/// The lock of another service's object (a question, a project) whose state evidence is derived
/// from (ADR 0066). A writer takes it after storing what its event says of the object and before
/// reading anything to derive evidence from: of two events about one object consumed at once, the
/// later taker reads the other's committed change. Held to the end of the transaction; taking it
/// again in the same transaction is free.
/// </summary>
internal static class ObjectLocks
{
    public static Task TakeAsync(UnitOfWork work, Guid objectId) =>
        work.ExecuteAsync(
            "INSERT INTO object_locks (object_id) VALUES (@ObjectId) ON CONFLICT (object_id) DO UPDATE SET object_id = excluded.object_id",
            new { ObjectId = objectId });
}
