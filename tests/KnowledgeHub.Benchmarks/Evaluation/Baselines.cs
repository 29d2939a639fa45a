namespace KnowledgeHub.Benchmarks.Evaluation;

/// <summary>
/// The protocol's three baselines, from the past alone. Ties go to the person whose last past answer is
/// the more recent (the README leaves ties open; this order is the baselines' best of those tried).
/// Popularity and recent activity do not depend on the question: they are ranked once, so that a site with
/// tens of thousands of people and questions is scored in seconds, not hours.
/// </summary>
internal sealed class Baselines
{
    private static readonly TimeSpan HalfLife = TimeSpan.FromDays(90);

    private readonly Dictionary<long, DateTime> _lastAnswer;
    private readonly Dictionary<string, Dictionary<long, double>> _byTag;
    private readonly IReadOnlyList<long> _popularity;
    private readonly IReadOnlyList<long> _recent;

    public Baselines(QaHistory history)
    {
        var pastQuestions = history.Past.ToDictionary(question => question.Id);
        var answers = history.PastAnswers.Select(answer => (Answer: answer, Question: pastQuestions[answer.ParentId])).ToList();
        _lastAnswer = answers
            .GroupBy(entry => entry.Answer.Author!.Value)
            .ToDictionary(person => person.Key, person => person.Max(entry => entry.Answer.At));
        _byTag = answers
            .SelectMany(entry => entry.Question.Tags.Select(tag => (Tag: tag, Person: entry.Answer.Author!.Value)))
            .GroupBy(entry => entry.Tag)
            .ToDictionary(tag => tag.Key, tag => tag.GroupBy(entry => entry.Person).ToDictionary(person => person.Key, person => (double)person.Count()));
        _popularity = Ordered(answers
            .GroupBy(entry => entry.Answer.Author!.Value)
            .ToDictionary(person => person.Key, person => (double)person.Count()));
        _recent = Ordered(answers
            .GroupBy(entry => entry.Answer.Author!.Value)
            .ToDictionary(person => person.Key, person => person.Sum(entry =>
                (entry.Question.AcceptedAnswerId == entry.Answer.Id ? 3 : 1) * Math.Pow(0.5, (history.LastPastQuestion - entry.Answer.At) / HalfLife))));
    }

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

        return Without(question, Ordered(scores));
    }

    public IReadOnlyList<long> Popularity(DumpQuestion question) => Without(question, _popularity);

    /// <summary>Answers weighted by recency, halving every 90 days back from the last past question; an accepted answer counts 3.</summary>
    public IReadOnlyList<long> RecentActivity(DumpQuestion question) => Without(question, _recent);

    private static List<long> Without(DumpQuestion question, IEnumerable<long> ranked) =>
        ranked.Where(person => person != question.Asker).Take(Scores.Cutoff).ToList();

    private List<long> Ordered(Dictionary<long, double> scores) =>
        scores.Where(entry => entry.Value > 0)
            .OrderByDescending(entry => entry.Value)
            .ThenByDescending(entry => _lastAnswer[entry.Key])
            .Select(entry => entry.Key)
            .ToList();
}
