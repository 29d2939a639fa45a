using KnowledgeHub.Messaging.Privacy;

namespace KnowledgeHub.Communities.Features.Privacy;

/// <summary>What the communities hold about a person: their name as shown, memberships, posts, answers, reactions and what they started.</summary>
internal static class CommunitiesPersonalData
{
    public static IReadOnlyList<PersonalDataSet> Sets { get; } =
    [
        new("person", "SELECT * FROM people WHERE id = @PersonId"),
        new("memberships", "SELECT * FROM memberships WHERE person_id = @PersonId"),
        new("posts", "SELECT * FROM posts WHERE author_id = @PersonId"),
        new("answers", "SELECT * FROM answers WHERE author_id = @PersonId"),
        new("reactions", "SELECT * FROM post_reactions WHERE person_id = @PersonId"),
        new("communitiesCreated", "SELECT * FROM communities WHERE created_by = @PersonId"),
        new("importsStarted", "SELECT * FROM imports WHERE started_by = @PersonId"),
    ];
}
