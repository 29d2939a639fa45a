using KnowledgeHub.Messaging.Privacy;

namespace KnowledgeHub.Notifications.Features.Privacy;

/// <summary>
/// What notifications hold about a person: their address, follows, preferences, notifications and
/// digests; and how an erasure removes it (ADR 0072).
/// </summary>
internal static class NotificationsPersonalData
{
    public static IReadOnlyList<PersonalDataSet> Sets { get; } =
    [
        new("person", "SELECT * FROM people WHERE id = @PersonId"),
        new("follows", "SELECT * FROM follows WHERE person_id = @PersonId"),
        new("preferences", "SELECT * FROM preferences WHERE person_id = @PersonId"),
        new("preferenceKinds", "SELECT * FROM preference_kinds WHERE person_id = @PersonId"),
        new("notifications", "SELECT * FROM notifications WHERE recipient_id = @PersonId"),
        new("emails", "SELECT q.* FROM email_queue q JOIN notifications n ON n.id = q.notification_id WHERE n.recipient_id = @PersonId"),
        new("digests", "SELECT * FROM digests WHERE person_id = @PersonId"),
        new("postsSeen", "SELECT * FROM posts WHERE author_id = @PersonId"),
        new("communityMembershipsSeen", "SELECT * FROM memberships WHERE person_id = @PersonId"),
    ];

    /// <summary>
    /// Their own notifications, e-mails, digests, follows and settings go, and so do others' follows
    /// of them. Notifications they caused for others stay, by the former member, their name taken
    /// out of the title (a join request names its asker).
    /// </summary>
    public static IReadOnlyList<string> Erasure { get; } =
    [
        """
        INSERT INTO people (id, display_name, email, version) VALUES (@FormerMember, @FormerMemberName, NULL, 0)
        ON CONFLICT (id) DO NOTHING
        """,
        "DELETE FROM email_queue WHERE notification_id IN (SELECT id FROM notifications WHERE recipient_id = @PersonId)",
        "DELETE FROM notifications WHERE recipient_id = @PersonId",
        """
        UPDATE notifications
        SET title = replace(title, COALESCE((SELECT display_name FROM people WHERE id = @PersonId), ''), @FormerMemberName), actor_id = @FormerMember
        WHERE actor_id = @PersonId
        """,
        """
        UPDATE fanout_jobs
        SET title = replace(title, COALESCE((SELECT display_name FROM people WHERE id = @PersonId), ''), @FormerMemberName), actor_id = @FormerMember
        WHERE actor_id = @PersonId
        """,
        "DELETE FROM digests WHERE person_id = @PersonId",
        "DELETE FROM follows WHERE person_id = @PersonId OR (kind = 'person' AND target_ref = @PersonId)",
        "DELETE FROM preference_kinds WHERE person_id = @PersonId",
        "DELETE FROM preferences WHERE person_id = @PersonId",
        "DELETE FROM memberships WHERE person_id = @PersonId",
        "UPDATE posts SET author_id = @FormerMember WHERE author_id = @PersonId",
        "DELETE FROM people WHERE id = @PersonId",
    ];
}
