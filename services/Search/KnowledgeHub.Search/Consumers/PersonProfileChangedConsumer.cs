using KnowledgeHub.Contracts.Expertise;
using KnowledgeHub.Search.Index;
using MassTransit;

namespace KnowledgeHub.Search.Consumers;

/// <summary>People are found by name, title, bio and skills; skills double as their tags.</summary>
internal sealed class PersonProfileChangedConsumer(ISearchIndex index) : IConsumer<PersonProfileChanged>
{
    public Task Consume(ConsumeContext<PersonProfileChanged> context)
    {
        var person = context.Message;
        EventChecks.RequireIdentity(person.PersonId, person.Version, person.DisplayName, nameof(PersonProfileChanged));
        var body = string.Join(". ", new[] { person.Title, person.Location, person.Bio }.Where(part => !string.IsNullOrWhiteSpace(part)));
        return index.UpsertAsync(
            new SearchDocument(
                DocumentTypes.Person,
                person.PersonId,
                person.DisplayName,
                body,
                (person.Skills ?? []).Select(skill => skill.Trim().ToLowerInvariant()).Where(skill => skill.Length > 0).ToList(),
                string.IsNullOrWhiteSpace(person.Department) ? [] : [person.Department],
                RestrictedToCommunity: null,
                $"/people/{person.PersonId}",
                person.Version,
                person.UpdatedAt),
            context.CancellationToken);
    }
}
