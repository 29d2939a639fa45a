using System.Globalization;

namespace KnowledgeHub.Expertise.Features.Experts;

/// <summary>
/// How a question ranks people by the documents of their evidence (ADR 0043, docs/expertise-ranking.md):
/// <code>
/// relevance(p) = Σ over p's documents d that share terms with the question: BM25(question, d) · tie(d) · recency(d)
/// activity(p)  = Σ over all of p's documents: tie(d) · recency(d)
/// skills(p)    = p's score in the skills the question names (declarations, endorsements, evidence: ExpertiseModel)
/// score(p)     = activity(p)/max · (RelevanceFloor + relevance(p)/max) + SkillShare · skills(p)/max
/// </code>
/// tie: an accepted answer 3, anything else 1; recency halves every <see cref="HalfLife"/> back from the
/// newest evidence in the corpus, not from today, so a history whose evidence is all years old ranks as it
/// did when it was current. Only people tied to the question (some relevance, or a score in a skill it
/// names) are ranked; each "max" is over them, so the three parts are comparable.
/// Documents store <c>strength = tie · 2^((at − epoch) / half-life)</c>; sums of strength are plain SQL sums.
/// </summary>
internal static class ExpertDocumentModel
{
    public static readonly TimeSpan HalfLife = TimeSpan.FromDays(90);

    /// <summary>BM25's term-frequency saturation and length normalisation, at their usual values.</summary>
    public const double K1 = 1.2;

    public const double B = 0.75;

    /// <summary>What activity counts on its own: of two people tied to the question, the more active leads unless the other is clearly more relevant.</summary>
    public const double RelevanceFloor = 0.3;

    /// <summary>The share of declared and endorsed skills the question names.</summary>
    public const double SkillShare = 0.2;

    /// <summary>A query term counts at most this many times (a long body repeating a word is not three questions).</summary>
    public const int MaxQueryTermRepeats = 3;

    /// <summary>Changing the epoch or the half-life means recomputing every stored strength.</summary>
    private static readonly DateTimeOffset Epoch = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static double StrengthOf(double tie, DateTimeOffset at) => tie * Math.Pow(2, (at - Epoch) / HalfLife);

    /// <summary>What a stored strength is worth at <paramref name="reference"/>.</summary>
    public static double Weight(double strength, DateTimeOffset reference) => strength * Math.Pow(2, -((reference - Epoch) / HalfLife));

    /// <summary>
    /// BM25's weight of one posting, as SQL over its columns: <c>idf · f · (K1 + 1) / (f + K1 · (1 − B + B · length / average))</c>,
    /// with the term's <c>weight</c> (its idf times its repeats in the question) and the corpus's average length
    /// (<c>@AverageLength</c>, at least 1) given. Summed by the database per document, so a long question's
    /// postings are not each read into the process (ADR 0110). Every constant multiplies a floating-point value:
    /// PostgreSQL would compute <c>0.75 * length</c> as a decimal.
    /// </summary>
    public static string Bm25Sql(string weight, string frequency, string length) => string.Create(
        CultureInfo.InvariantCulture,
        $"{weight} * {frequency} * {K1 + 1} / ({frequency} + {K1} * ({1 - B} + ({length} / @AverageLength * {B})))");

    public static double Idf(long documents, long frequency) => Math.Log(1 + ((documents - frequency + 0.5) / (frequency + 0.5)));
}
