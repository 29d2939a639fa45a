using System.Globalization;

namespace KnowledgeHub.Benchmarks.Evaluation.Bound;

/// <summary>
/// <c>experts-bound FILE...</c>: how far the targets of expert finding can be reached on these histories at all
/// (docs/expertise-ranking.md). For each set and query (title: target the best baseline + 0.05; tags: the best
/// baseline), linear rankers over <see cref="CandidateFeatures"/> are fitted with the future questions' accepted
/// answerers in view, which no deployed ranker has:
/// <list type="bullet">
/// <item>own fit: weights fitted to this set's future questions (the most any such ranker can score here);</item>
/// <item>one fit for all: one set of weights fitted to every set's future questions at once (worst margin to the targets);</item>
/// <item>others' fit: weights fitted to the other sets and scored on this one (what a fitted ranker carries to a new site).</item>
/// </list>
/// Two feature families: the hub's own (activity, relevance, tied) and all of them.
/// </summary>
internal static class ExpertsBound
{
    private const int Seed = 20261207;

    private static readonly (string Name, IReadOnlyList<int> Features)[] Families =
        [("hub's 3", CandidateFeatures.HubFamily), ($"all {CandidateFeatures.Names.Count}", [.. Enumerable.Range(0, CandidateFeatures.Names.Count)])];

    private static readonly (string Name, Func<DumpQuestion, string> Asked, double Margin)[] Queries =
        [("title", question => question.Title, 0.05), ("tags", question => string.Join(' ', question.Tags), 0)];

    public static void Run(IReadOnlyList<string> files)
    {
        var sets = files.Select(file =>
        {
            var history = QaHistory.Load(file);
            return (Name: Path.GetFileName(file).Split('.')[0], Features: new CandidateFeatures(history), BestBaseline: BestBaseline(history));
        }).ToList();
        Console.WriteLine($"features: {string.Join("; ", CandidateFeatures.Names)}");
        Console.WriteLine("set              usable  query  target  family     own fit  one fit for all  others' fit");
        foreach (var (query, asked, margin) in Queries)
        {
            var questions = sets.Select(set => set.Features.Of(asked)).ToList();
            var targets = sets.Select(set => set.BestBaseline + margin).ToList();
            for (var set = 0; set < sets.Count; set++)
            {
                var untied = questions[set].Count(question => question.Features[question.Expected][CandidateFeatures.Tied] == 0);
                Console.WriteLine($"{sets[set].Name,-16} {questions[set].Count,6}  {query,-5}  the accepted answerer answered nothing sharing a word with it: {untied}");
            }

            foreach (var (family, features) in Families)
            {
                var all = Fit(questions, targets, features, Enumerable.Range(0, sets.Count));
                for (var set = 0; set < sets.Count; set++)
                {
                    var own = Fit(questions, targets, features, [set]);
                    var others = sets.Count > 1 ? Format(Mrr(questions[set], features, Fit(questions, targets, features, Enumerable.Range(0, sets.Count).Where(other => other != set)))) : "";
                    Console.WriteLine(string.Create(
                        CultureInfo.InvariantCulture,
                        $"{sets[set].Name,-16} {questions[set].Count,6}  {query,-5}  {targets[set],6:0.000}  {family,-9}  {Format(Mrr(questions[set], features, own)),7}  {Format(Mrr(questions[set], features, all)),15}  {others,11}"));
                }

                var worst = Enumerable.Range(0, sets.Count).Min(set => Mrr(questions[set], features, all) - targets[set]);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"",-16} {"",6}  {query,-5}  {"",6}  {family,-9}  one fit for all: worst margin to the target {worst:+0.000;-0.000}"));
            }
        }
    }

    /// <summary>Weights that maximise the worst margin to the target over the given sets.</summary>
    private static double[] Fit(List<IReadOnlyList<QuestionCandidates>> questions, List<double> targets, IReadOnlyList<int> features, IEnumerable<int> sets)
    {
        var chosen = sets.ToList();
        return WeightSearch.Fit(features.Count, weights => chosen.Min(set => Mrr(questions[set], features, weights) - targets[set]), Seed);
    }

    private static double Mrr(IReadOnlyList<QuestionCandidates> questions, IReadOnlyList<int> features, double[] weights) =>
        WeightSearch.Rank(questions, features, weights).Mrr;

    private static string Format(double mrr) => mrr.ToString("0.000", CultureInfo.InvariantCulture);

    private static double BestBaseline(QaHistory history)
    {
        var baselines = new Baselines(history);
        return new Func<DumpQuestion, IReadOnlyList<long>>[] { baselines.Tags, baselines.Popularity, baselines.RecentActivity }.Max(ranker =>
        {
            var scores = new Scores();
            foreach (var (question, expert) in history.Usable())
            {
                scores.Add(ranker(question), expert);
            }

            return scores.Mrr;
        });
    }
}
