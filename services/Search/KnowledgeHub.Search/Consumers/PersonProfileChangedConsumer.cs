using KnowledgeHub.Contracts.Expertise;
using KnowledgeHub.Search.Index;
using MassTransit;

namespace KnowledgeHub.Search.Consumers;

/// <summary>People are found by name, title, bio and skills; skills double as their tags.</summary>
internal sealed class PersonProfileChangedConsumer(SearchProjection projection) : IConsumer<PersonProfileChanged>
{
    public Task Consume(ConsumeContext<PersonProfileChanged> context)
    {
        var person = context.Message;
        EventChecks.RequireIdentity(person.PersonId, person.Version, person.DisplayName, nameof(PersonProfileChanged));
        var body = string.Join(". ", new[] { person.Title, person.Location, person.Bio }.Where(part => !string.IsNullOrWhiteSpace(part)));
        return projection.UpsertAsync(
            Owners.Expertise,
            new SearchDocument(
                DocumentTypes.Person,
                person.PersonId,
                person.DisplayName,
                body,
                EventChecks.Tags(person.Skills),
                EventChecks.Departments(person.Department),
                RestrictedToCommunity: null,
                $"/people/{person.PersonId}",
                person.Version,
                person.UpdatedAt,
                person.UpdatedAt),
            context.CancellationToken);
    }
}
