using KnowledgeHub.Data;

namespace KnowledgeHub.Notifications.Features.Digests;

/// <summary>
/// What a digest says, read from the person's own notifications (so the actor, audience and mute
/// rules that wrote them hold here too): the questions routed to them in the last 30 days that have
/// no accepted answer yet, the answers to their questions and the activity they follow in the period.
/// A digest has news when something in it happened in the period; open questions alone, all already
/// told, are no reason for an e-mail.
/// </summary>
internal sealed record DigestContent(IReadOnlyList<DigestItem> OpenQuestions, IReadOnlyList<DigestItem> Answers, IReadOnlyList<DigestItem> Followed, bool HasNews)
{
    public const int ItemsPerSection = 20;
    private static readonly TimeSpan OpenQuestionsWindow = TimeSpan.FromDays(30);
    private const string RoutedPrefix = NotificationKinds.QuestionRouted + ":";

    public static async Task<DigestContent> ReadAsync(DbSession session, Guid personId, DateTimeOffset since, DateTimeOffset until)
    {
        var items = await session.QueryAsync<DigestItem>(
            """
            SELECT kind AS Kind, title AS Title, url AS Url, dedupe_key AS DedupeKey, created_at AS CreatedAt FROM notifications
            WHERE recipient_id = @PersonId AND created_at <= @Until
              AND ((kind IN (@Answer, @Followed) AND created_at > @Since) OR (kind = @Routed AND created_at > @OpenSince))
            ORDER BY created_at DESC, id DESC
            """,
            new
            {
                PersonId = personId,
                Since = since,
                Until = until,
                OpenSince = until - OpenQuestionsWindow,
                Answer = NotificationKinds.AnswerPosted,
                Followed = NotificationKinds.FollowedActivity,
                Routed = NotificationKinds.QuestionRouted,
            });
        var routed = items.Where(item => item.Kind == NotificationKinds.QuestionRouted).ToList();
        var accepted = (await session.QueryAsync<Guid>(
            $"SELECT post_id FROM accepted_questions WHERE {session.Dialect.InList("post_id", "@Posts")}",
            new { Posts = routed.Select(PostOf).ToList() })).ToHashSet();
        var open = routed.Where(item => !accepted.Contains(PostOf(item))).ToList();
        var answers = items.Where(item => item.Kind == NotificationKinds.AnswerPosted).ToList();
        var followed = items.Where(item => item.Kind == NotificationKinds.FollowedActivity).ToList();
        return new DigestContent(open, answers, followed, answers.Count > 0 || followed.Count > 0 || open.Any(item => item.CreatedAt > since));
    }

    /// <summary>The question a question-routed notification is about, named by its dedupe key.</summary>
    private static Guid PostOf(DigestItem item) =>
        Guid.TryParse(item.DedupeKey.AsSpan(RoutedPrefix.Length), out var post) ? post : Guid.Empty;
}

/// <summary>One notification as a digest lists it.</summary>
internal sealed class DigestItem
{
    public required string Kind { get; init; }

    public required string Title { get; init; }

    public required string Url { get; init; }

    public required string DedupeKey { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
