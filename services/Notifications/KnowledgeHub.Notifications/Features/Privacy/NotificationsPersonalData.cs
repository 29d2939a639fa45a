using KnowledgeHub.Messaging.Privacy;

namespace KnowledgeHub.Notifications.Features.Privacy;

/// <summary>What notifications hold about a person: their address, follows, preferences, notifications and digests.</summary>
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
}
