using KnowledgeHub.Data;
using KnowledgeHub.Messaging.Outbox;
using KnowledgeHub.Messaging.People;
using KnowledgeHub.Messaging.Privacy;
using KnowledgeHub.Search.Feed;
using KnowledgeHub.Search.Features.Privacy;
using KnowledgeHub.Search.Index;

namespace KnowledgeHub.Search.Consumers;

/// <summary>
/// Erases a person from search (ADR 0072): their document is removed at its own version, which
/// leaves a tombstone that names no one; a profile of theirs signed up again comes newer than it.
/// </summary>
internal sealed class PersonErasureStartedConsumer(SearchDatabase database, TimeProvider time, Outbox<SearchDatabase> outbox, PeopleSeen peopleSeen, SearchFeed feed)
    : PersonErasureConsumer<SearchDatabase>(database, time, outbox, peopleSeen)
{
    private readonly TimeProvider _time = time;

    protected override IReadOnlyList<string> Statements => SearchPersonalData.Erasure;

    protected override async Task AfterStatementsAsync(UnitOfWork work, Guid personId)
    {
        var key = DocumentKeys.Of(DocumentTypes.Person, personId);
        var version = await work.ScalarAsync<long?>("SELECT version FROM search_documents WHERE doc_key = @Key AND removed = 0", new { Key = key });
        if (version is { } current)
        {
            await feed.RemoveAsync(work, Owners.Expertise, new DocumentRemoval(DocumentTypes.Person, personId, current, _time.GetUtcNow()));
        }
    }
}
