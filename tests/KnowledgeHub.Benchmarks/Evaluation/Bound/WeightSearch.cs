namespace KnowledgeHub.Benchmarks.Evaluation.Bound;

/// <summary>
/// Linear rankers over <see cref="CandidateFeatures"/>: a person's score is the weighted sum of the chosen features.
/// <see cref="Fit"/> looks for the weights that maximise an objective (MRR on questions whose answers it is shown):
/// random directions first, then a hill climb from the best with a shrinking step. Seeded, so a run repeats.
/// </summary>
internal static class WeightSearch
{
    private const int RandomTries = 1_500;
    private const int ClimbSteps = 1_500;
    private const int StepsPerHalving = 300;

    public static Scores Rank(IReadOnlyList<QuestionCandidates> questions, IReadOnlyList<int> features, double[] weights)
    {
        var scores = new Scores();
        foreach (var question in questions)
        {
            var expected = Score(question.Features[question.Expected], features, weights);
            var expectedTicks = question.LastAnswerTicks[question.Expected];
            var ahead = 0;
            for (var candidate = 0; candidate < question.Features.Length; candidate++)
            {
                var score = Score(question.Features[candidate], features, weights);
                ahead += score > expected || (score == expected && question.LastAnswerTicks[candidate] > expectedTicks) ? 1 : 0;
            }

            scores.AddRank(ahead + 1);
        }

        return scores;
    }

    /// <summary>The weights with the highest objective found; activity's weight (the first feature) is kept positive, as every ranker here has it.</summary>
    public static double[] Fit(int dimensions, Func<double[], double> objective, int seed)
    {
        var random = new Random(seed);
        double[] Direction(double scale) => [.. Enumerable.Range(0, dimensions).Select(_ => Normal(random) * scale)];

        var best = Enumerable.Range(0, RandomTries)
            .Select(_ => WithPositiveActivity(Direction(1)))
            .Select(weights => (Weights: weights, Value: objective(weights)))
            .MaxBy(tried => tried.Value);
        var step = 0.5;
        for (var at = 1; at <= ClimbSteps; at++)
        {
            var candidate = WithPositiveActivity([.. best.Weights.Zip(Direction(step), (weight, change) => weight + change)]);
            if (objective(candidate) is var value && value >= best.Value)
            {
                best = (candidate, value);
            }

            if (at % StepsPerHalving == 0)
            {
                step /= 2;
            }
        }

        return best.Weights;
    }

    private static double[] WithPositiveActivity(double[] weights)
    {
        weights[0] = Math.Abs(weights[0]);
        return weights;
    }

    private static double Score(double[] row, IReadOnlyList<int> features, double[] weights)
    {
        var score = 0.0;
        for (var at = 0; at < features.Count; at++)
        {
            score += row[features[at]] * weights[at];
        }

        return score;
    }

    /// <summary>Box–Muller: a standard normal from two uniform draws.</summary>
    private static double Normal(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
