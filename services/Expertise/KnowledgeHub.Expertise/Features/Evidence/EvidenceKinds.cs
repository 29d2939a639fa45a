namespace KnowledgeHub.Expertise.Features.Evidence;

/// <summary>The kinds of evidence, as the API names them.</summary>
internal static class EvidenceKinds
{
    public const string Declared = "declared";
    public const string Endorsement = "endorsement";
    public const string Post = "post";
    public const string Answer = "answer";
    public const string AcceptedAnswer = "accepted-answer";
    public const string Project = "project";

    public static readonly IReadOnlyList<string> All = [Declared, Endorsement, Post, Answer, AcceptedAnswer, Project];
}
