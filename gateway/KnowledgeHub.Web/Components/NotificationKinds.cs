namespace KnowledgeHub.Web.Components;

/// <summary>The kinds of notification of the public contract, in words a person reads.</summary>
internal static class NotificationKinds
{
    public static readonly IReadOnlyList<(string Kind, string Label)> All =
    [
        ("question-routed", "A question is routed to me as an expert"),
        ("answer-posted", "An answer on my question"),
        ("answer-accepted", "My answer is accepted"),
        ("endorsed", "Someone endorses me"),
        ("join-requested", "Someone asks to join a community I lead"),
        ("join-decided", "My request to join is decided"),
        ("mentioned", "Someone mentions me"),
        ("followed-activity", "Activity on what I follow"),
        ("status-report-due", "A status report is due on a project I lead"),
        ("check-in-due", "A key-result check-in is due"),
    ];

    /// <summary>The words for a kind; a kind this UI does not know yet reads as its name.</summary>
    public static string Describe(string kind) => All.Where(known => known.Kind == kind).Select(known => known.Label).FirstOrDefault() ?? kind;
}
