using KnowledgeHub.Contracts.Expertise;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging.Inbox;
using KnowledgeHub.Messaging.Privacy;
using KnowledgeHub.Search.Feed;
using KnowledgeHub.Search.Index;

namespace KnowledgeHub.Search.Consumers;

/// <summary>People are found by name, title, bio and skills; skills double as their tags. A deactivated person is not found.</summary>
internal sealed class PersonProfileChangedConsumer(SearchDatabase database, TimeProvider time, SearchFeed feed)
    : InboxConsumer<SearchDatabase, PersonProfileChanged>(database, time)
{
    protected override async Task ApplyAsync(UnitOfWork work, PersonProfileChanged person, CancellationToken cancellationToken)
    {
        EventChecks.RequireIdentity(person.PersonId, person.Version, person.DisplayName, nameof(PersonProfileChanged));
        if (await ErasedPeople.ErasedSinceAsync(work, person.PersonId, person.UpdatedAt))
        {
            return; // on its way when they were erased
        }

        if (!person.Active)
        {
            // Deactivated by the directory: found by name nowhere until reactivated, which comes as a newer version.
            await feed.RemoveAsync(work, Owners.Expertise, new DocumentRemoval(DocumentTypes.Person, person.PersonId, person.Version, person.UpdatedAt), person.ReplayOf);
            return;
        }

        var body = string.Join(". ", new[] { person.Title, person.Location, person.Bio }.Where(part => !string.IsNullOrWhiteSpace(part)));
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
