using System.Security.Claims;
using KnowledgeHub.Contracts.Expertise;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging.Outbox;
using KnowledgeHub.ServiceDefaults.Auth;

namespace KnowledgeHub.Messaging.Audit;

/// <summary>
/// Records an admin's or a lead's action in the same transaction as the action itself: the record
/// leaves through the module's outbox, so an action that commits is audited and one that rolls back
/// is not (ADR 0069).
/// </summary>
public sealed class AuditTrail<TDatabase>(TDatabase database, Outbox<TDatabase> outbox, TimeProvider time)
    where TDatabase : ModuleDatabase
{
    /// <summary>The actor of calls made by the identity provider's provisioning client rather than a person.</summary>
    public const string ScimActor = "scim";

    public Task RecordAsync(UnitOfWork work, ClaimsPrincipal actor, string action, string target, params (string Key, object? Value)[] details) =>
        RecordAsync(work, actor.PersonId().ToString(), action, target, details);

    public Task RecordAsync(UnitOfWork work, string actor, string action, string target, params (string Key, object? Value)[] details) =>
        outbox.EnqueueAsync(
            work,
            new ActionAudited(
                Guid.CreateVersion7(),
                time.UtcNowForDatabase(),
                actor,
                action,
                target,
                database.Settings.Name,
                details.Where(detail => detail.Value is not null)
                    .ToDictionary(detail => detail.Key, detail => Convert.ToString(detail.Value, System.Globalization.CultureInfo.InvariantCulture)!)));

    public static string Person(Guid id) => $"person:{id}";
}
