namespace KnowledgeHub.Expertise.Features.Evidence;

/// <summary>
/// How evidence turns into a score (ADR 0008, docs/expertise-ranking.md).
/// <list type="bullet">
/// <item>Each piece has a weight by kind: an accepted answer 5, a project 4, an answer 2, a post 1,
/// an endorsement 1, a declaration 0.6 × its level (level 5 = 3).</item>
/// <item>It decays with age, halving every <see cref="HalfLife"/>.</item>
/// <item>Per kind, the decayed weights add up to E, which counts as 3w·ln(1 + E / 3w): the first few
/// pieces of a kind count almost fully, further ones less and less, so a hundred quick answers do
/// not outweigh accepted answers and projects. A declaration is one piece and counts as it is.</item>
/// </list>
/// Rows store <c>strength = weight · 2^((at − epoch) / half-life)</c>, so sums of strength are
/// plain SQL sums and one factor, <see cref="DecayFactor"/>, turns them into today's weights.
/// </summary>
internal static class ExpertiseModel
{
    public static readonly TimeSpan HalfLife = TimeSpan.FromDays(365);

    /// <summary>Changing the epoch or the half-life means recomputing every stored strength.</summary>
    private static readonly DateTimeOffset Epoch = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A person is an expert in a skill from this score on (or with a declared level of 4 or more).</summary>
    public const double ExpertScore = 8.0;

    /// <summary>Below this score (and without a declaration) a person does not hold a skill at all.</summary>
    public const double PractitionerScore = 0.5;

    public const int ExpertLevel = 4;

    private const double SaturationPieces = 3;

    public static double WeightOf(string kind, int? level = null) => kind switch
    {
        EvidenceKinds.Declared => 0.6 * (level ?? 1),
        EvidenceKinds.Endorsement => 1,
        EvidenceKinds.Post => 1,
        EvidenceKinds.Answer => 2,
        EvidenceKinds.AcceptedAnswer => 5,
        EvidenceKinds.Project => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a kind of evidence."),
    };

    public static double StrengthOf(double weight, DateTimeOffset at) => weight * Math.Pow(2, (at - Epoch) / HalfLife);

    /// <summary>Multiplies a stored strength into its weight as of <paramref name="now"/>.</summary>
    public static double DecayFactor(DateTimeOffset now) => Math.Pow(2, -((now - Epoch) / HalfLife));

    /// <summary>A piece's weight today.</summary>
    public static double CurrentWeight(double weight, DateTimeOffset at, DateTimeOffset now) =>
        weight * Math.Pow(2, -(Math.Max(0, (now - at).Ticks) / (double)HalfLife.Ticks));

    /// <summary>The score of one person in one skill from the decayed weight sums of each kind.</summary>
    public static double Score(KindSums sums)
    {
        var score = sums.Declared;
        score += Saturate(sums.Endorsement, EvidenceKinds.Endorsement);
        score += Saturate(sums.Post, EvidenceKinds.Post);
        score += Saturate(sums.Answer, EvidenceKinds.Answer);
        score += Saturate(sums.AcceptedAnswer, EvidenceKinds.AcceptedAnswer);
        score += Saturate(sums.Project, EvidenceKinds.Project);
        return score;
    }

    public static bool IsExpert(int? declaredLevel, double score) => declaredLevel >= ExpertLevel || score >= ExpertScore;

    public static bool HoldsSkill(int? declaredLevel, double score) => declaredLevel is not null || score >= PractitionerScore;

    private static double Saturate(double sum, string kind)
    {
        var scale = SaturationPieces * WeightOf(kind);
        return scale * Math.Log(1 + (sum / scale));
    }
}

/// <summary>Decayed weight sums by kind of evidence, for one person and skill (or several, added up).</summary>
internal readonly record struct KindSums(double Declared, double Endorsement, double Post, double Answer, double AcceptedAnswer, double Project)
{
    public static KindSums Of(string kind, double weight) => kind switch
    {
        EvidenceKinds.Declared => new KindSums(weight, 0, 0, 0, 0, 0),
        EvidenceKinds.Endorsement => new KindSums(0, weight, 0, 0, 0, 0),
        EvidenceKinds.Post => new KindSums(0, 0, weight, 0, 0, 0),
        EvidenceKinds.Answer => new KindSums(0, 0, 0, weight, 0, 0),
        EvidenceKinds.AcceptedAnswer => new KindSums(0, 0, 0, 0, weight, 0),
        EvidenceKinds.Project => new KindSums(0, 0, 0, 0, 0, weight),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a kind of evidence."),
    };

    public static KindSums operator +(KindSums a, KindSums b) => new(
        a.Declared + b.Declared,
        a.Endorsement + b.Endorsement,
        a.Post + b.Post,
        a.Answer + b.Answer,
        a.AcceptedAnswer + b.AcceptedAnswer,
        a.Project + b.Project);

    public KindSums Scale(double factor) => new(
        Declared * factor, Endorsement * factor, Post * factor, Answer * factor, AcceptedAnswer * factor, Project * factor);
}
