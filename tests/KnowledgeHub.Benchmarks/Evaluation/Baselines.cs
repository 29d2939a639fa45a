namespace KnowledgeHub.Benchmarks.Evaluation;

/// <summary>
/// The protocol's three baselines, from the past alone. Ties go to the person whose last past answer is
/// the more recent (the README leaves ties open; this order is the baselines' best of those tried).
/// </summary>
internal sealed class Baselines(QaHistory history)
{
    private static readonly TimeSpan HalfLife = TimeSpan.FromDays(90);

    private readonly Dictionary<long, DateTime> _lastAnswer = history.PastAnswers
        .GroupBy(answer => answer.Author!.Value)
        .ToDictionary(person => person.Key, person => person.Max(answer => answer.At));

    private readonly Dictionary<long, double> _popularity = history.PastAnswers
        .GroupBy(answer => answer.Author!.Value)
        .ToDictionary(person => person.Key, person => (double)person.Count());

    private readonly Dictionary<long, double> _recent = history.PastAnswers
        .GroupBy(answer => answer.Author!.Value)
        .ToDictionary(person => person.Key, person => person.Sum(answer =>
            (history.Past.First(question => question.Id == answer.ParentId).AcceptedAnswerId == answer.Id ? 3 : 1)
            * Math.Pow(0.5, (history.LastPastQuestion - answer.At) / HalfLife)));

    private readonly Dictionary<string, Dictionary<long, double>> _byTag = history.PastAnswers
        .SelectMany(answer => history.Past.First(question => question.Id == answer.ParentId).Tags.Select(tag => (Tag: tag, Person: answer.Author!.Value)))
        .GroupBy(entry => entry.Tag)
        .ToDictionary(tag => tag.Key, tag => tag.GroupBy(entry => entry.Person).ToDictionary(person => person.Key, person => (double)person.Count()));

    /// <summary>Most answers on the question's tags (summed over its tags).</summary>
    public IReadOnlyList<long> Tags(DumpQuestion question)
    {
        var scores = new Dictionary<long, double>();
        foreach (var tag in question.Tags)
        {
            foreach (var (person, count) in _byTag.GetValueOrDefault(tag) ?? [])
            {
                scores[person] = scores.GetValueOrDefault(person) + count;
            }
        }

        return Ranked(scores, question);
    }

    public IReadOnlyList<long> Popularity(DumpQuestion question) => Ranked(_popularity, question);

    /// <summary>Answers weighted by recency, halving every 90 days back from the last past question; an accepted answer counts 3.</summary>
    public IReadOnlyList<long> RecentActivity(DumpQuestion question) => Ranked(_recent, question);

    private List<long> Ranked(Dictionary<long, double> scores, DumpQuestion question) =>
        scores.Where(entry => entry.Key != question.Asker && entry.Value > 0)
            .OrderByDescending(entry => entry.Value)
            .ThenByDescending(entry => _lastAnswer[entry.Key])
            .Select(entry => entry.Key)
            .Take(Scores.Cutoff)
            .ToList();
}
