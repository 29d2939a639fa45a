namespace KnowledgeHub.Notifications.Features;

/// <summary>The kinds of notification of the public contract; preferences name them.</summary>
internal static class NotificationKinds
{
    public const string QuestionRouted = "question-routed";
    public const string AnswerPosted = "answer-posted";
    public const string AnswerAccepted = "answer-accepted";
    public const string Endorsed = "endorsed";
    public const string JoinRequested = "join-requested";
    public const string JoinDecided = "join-decided";
    public const string Mentioned = "mentioned";
    public const string FollowedActivity = "followed-activity";
    public const string StatusReportDue = "status-report-due";
    public const string CheckInDue = "check-in-due";

    public static readonly IReadOnlyList<string> All =
        [QuestionRouted, AnswerPosted, AnswerAccepted, Endorsed, JoinRequested, JoinDecided, Mentioned, FollowedActivity, StatusReportDue, CheckInDue];
}
