namespace KnowledgeHub.Benchmarks.Evaluation;

/// <summary>Mean reciprocal rank (0 beyond <see cref="Cutoff"/>), hit@1 and hit@5 of the expected person.</summary>
internal sealed class Scores
{
    public const int Cutoff = 20;

    private readonly List<int?> _ranks = [];

    public double Mrr => _ranks.Count == 0 ? 0 : _ranks.Average(rank => rank is { } value ? 1.0 / value : 0);

    public double HitAt1 => Share(1);

    public double HitAt5 => Share(5);

    public void Add<T>(IReadOnlyList<T> ranked, T expected)
    {
        var index = ranked.Take(Cutoff).ToList().IndexOf(expected);
        AddRank(index < 0 ? int.MaxValue : index + 1);
    }

    /// <summary>The expected person's rank, from 1; one beyond <see cref="Cutoff"/> counts as not found.</summary>
    public void AddRank(int rank) => _ranks.Add(rank <= Cutoff ? rank : null);

    public override string ToString() => FormattableString.Invariant($"{Mrr,6:0.000} {HitAt1,6:0.000} {HitAt5,6:0.000}");

    private double Share(int within) => _ranks.Count == 0 ? 0 : _ranks.Count(rank => rank <= within) / (double)_ranks.Count;
}
