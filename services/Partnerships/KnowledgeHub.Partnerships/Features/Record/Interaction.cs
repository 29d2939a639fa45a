namespace KnowledgeHub.Partnerships.Features.Record;

/// <summary>
/// One piece of help as an event tells it: who gave it, to whom (a person) or to which project (whose
/// sponsor receives it), and how much it weighs (docs/partnerships.md). <see cref="Source"/> is the
/// evidence it is, named as Expertise names it, so hiding that evidence takes it out of every figure.
/// </summary>
internal sealed record Interaction(
    string Id,
    string Kind,
    string Source,
    Guid GiverId,
    Guid? ReceiverId,
    string Detail,
    DateTimeOffset OccurredAt,
    double Weight,
    Guid? PostId = null,
    Guid? CommunityId = null,
    Guid? ProjectId = null);

/// <summary>The kinds of help and their weights.</summary>
internal static class HelpKinds
{
    public const string Answer = "answer";
    public const string AcceptedAnswer = "accepted-answer";
    public const string Endorsement = "endorsement";
    public const string Project = "project";

    public const double AnswerWeight = 1;

    /// <summary>On top of the answer's own weight: an accepted answer counts 1 + 2 = 3.</summary>
    public const double AcceptanceWeight = 2;

    public const double EndorsementWeight = 1;

    public const double ProjectWeight = 2;

    public static string AnswerSource(Guid answerId) => $"answer:{answerId}";

    public static string EndorsementSource(Guid endorsementId) => $"endorsement:{endorsementId}";

    public static string ProjectSource(Guid projectId, Guid personId) => $"project:{projectId}:{personId}";
}
