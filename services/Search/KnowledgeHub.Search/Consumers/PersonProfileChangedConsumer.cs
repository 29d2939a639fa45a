using KnowledgeHub.Contracts.Expertise;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging.Inbox;
using KnowledgeHub.Messaging.Privacy;
using KnowledgeHub.Search.Feed;
using KnowledgeHub.Search.Index;

namespace KnowledgeHub.Search.Consumers;

/// <summary>People are found by name, title, bio and skills; skills double as their tags.</summary>
internal sealed class PersonProfileChangedConsumer(SearchDatabase database, TimeProvider time, SearchFeed feed)
    : InboxConsumer<SearchDatabase, PersonProfileChanged>(database, time)
{
    protected override async Task ApplyAsync(UnitOfWork work, PersonProfileChanged person, CancellationToken cancellationToken)
    {
        EventChecks.RequireIdentity(person.PersonId, person.Version, person.DisplayName, nameof(PersonProfileChanged));
        var body = string.Join(". ", new[] { person.Title, person.Location, person.Bio }.Where(part => !string.IsNullOrWhiteSpace(part)));
        if (await ErasedPeople.ErasedSinceAsync(work, person.PersonId, person.UpdatedAt))
        {
            return; // on its way when they were erased
        }

        await feed.UpsertAsync(
            work,
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
            person.ReplayOf);
    }
}
