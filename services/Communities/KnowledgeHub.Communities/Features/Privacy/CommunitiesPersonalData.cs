using KnowledgeHub.Messaging.Privacy;

namespace KnowledgeHub.Communities.Features.Privacy;

/// <summary>
/// What the communities hold about a person: their name as shown, memberships, posts, answers,
/// reactions and what they started; and how an erasure removes it (ADR 0072).
/// </summary>
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

    /// <summary>
    /// Memberships and reactions go (the counts they made with them); posts and answers stay, by the
    /// former member, and so do the communities and imports they started.
    /// </summary>
    public static IReadOnlyList<string> Erasure { get; } =
    [
        """
        INSERT INTO people (id, display_name, department, version) VALUES (@FormerMember, @FormerMemberName, '', 0)
        ON CONFLICT (id) DO NOTHING
        """,
        "DELETE FROM memberships WHERE person_id = @PersonId",
        """
        UPDATE posts SET reaction_count = reaction_count - (SELECT count(*) FROM post_reactions r WHERE r.post_id = posts.id AND r.person_id = @PersonId)
        WHERE id IN (SELECT post_id FROM post_reactions WHERE person_id = @PersonId)
        """,
        "DELETE FROM post_reactions WHERE person_id = @PersonId",
        "UPDATE posts SET author_id = @FormerMember WHERE author_id = @PersonId",
        "UPDATE answers SET author_id = @FormerMember WHERE author_id = @PersonId",
        "UPDATE communities SET created_by = @FormerMember WHERE created_by = @PersonId",
        "UPDATE imports SET started_by = @FormerMember WHERE started_by = @PersonId",
        "DELETE FROM people WHERE id = @PersonId",
    ];
}
