using KnowledgeHub.Contracts.Expertise;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging.Outbox;

namespace KnowledgeHub.Expertise.Features.People;

/// <summary>After any change to a person: read the new state and announce it, in the same transaction.</summary>
internal sealed class PersonChanges(ExpertiseDatabase database, Outbox<ExpertiseDatabase> outbox)
{
    public async Task<PersonResponse> PublishAsync(UnitOfWork work, Guid personId, CancellationToken cancellationToken)
    {
        var person = await PersonReader.ReadOneAsync(work.Connection, database.Dialect, personId, cancellationToken, work.Transaction)
            ?? throw new InvalidOperationException($"Person {personId} vanished inside its own transaction.");
        await outbox.EnqueueAsync(
            work,
            new PersonProfileChanged(
                person.Id,
                person.Email,
                person.DisplayName,
                person.Department,
                person.Title,
                person.Location,
                person.Bio,
                person.Skills.Select(skill => skill.Name).ToList(),
                person.Version,
                person.UpdatedAt),
            cancellationToken);
        return person;
    }
}
