using KnowledgeHub.Messaging.Privacy;

namespace KnowledgeHub.Search.Features.Privacy;

/// <summary>
/// What search holds about a person: the document that finds them by name, and the memberships that
/// decide what they may find; and how an erasure removes them (ADR 0072).
/// </summary>
internal static class SearchPersonalData
{
    public static IReadOnlyList<PersonalDataSet> Sets { get; } =
    [
        // Keys are 'person:' and the id in lower case (DocumentKeys.Of); SQLite binds the id in upper case.
        new("personDocument", "SELECT * FROM search_documents WHERE doc_key = 'person:' || lower(CAST(@PersonId AS text))"),
        new("communityMemberships", "SELECT * FROM community_memberships WHERE person_id = @PersonId"),
    ];

    /// <summary>Their memberships go here; their document goes through the feed, so every index drops it.</summary>
    public static IReadOnlyList<string> Erasure { get; } =
    [
        "DELETE FROM community_memberships WHERE person_id = @PersonId",
    ];
}
