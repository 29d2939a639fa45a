namespace KnowledgeHub.Expertise.Features.Evidence;

/// <summary>The strength sums of one row of <c>expertise</c> (aliased <c>x</c>), read after the columns in <see cref="Columns"/>.</summary>
internal sealed class StoredSums
{
    /// <summary>Dapper splits a multi-mapped row at the first of these.</summary>
    public const string SplitOn = "Declared";

    public const string Columns = """
        x.declared AS Declared, x.endorsement AS Endorsement, x.post AS Post, x.answer AS Answer,
        x.accepted_answer AS AcceptedAnswer, x.project AS Project
        """;

    public double Declared { get; init; }

    public double Endorsement { get; init; }

    public double Post { get; init; }

    public double Answer { get; init; }

    public double AcceptedAnswer { get; init; }

    public double Project { get; init; }

    /// <summary>Today's decayed sums: the stored strengths times the decay factor of now.</summary>
    public KindSums At(double decayFactor) => new KindSums(Declared, Endorsement, Post, Answer, AcceptedAnswer, Project).Scale(decayFactor);
}
