using KnowledgeHub.Expertise.Features.Evidence;
using KnowledgeHub.Expertise.Features.Experts;

namespace KnowledgeHub.Benchmarks.Evaluation.Bound;

/// <summary>One usable future question: every past answerer but the asker, each a row of <see cref="CandidateFeatures.Names"/>.</summary>
internal sealed record QuestionCandidates(double[][] Features, int Expected, long[] LastAnswerTicks);

/// <summary>
/// What a ranker could know of each past answerer when a future question is asked, from the past alone (as the
/// hub is given it): activity at several half-lives, counts, how long since their last answer, how the question's
/// words match what they answered (BM25 over documents built as the hub builds them, ADR 0043), how much they ask,
/// and whether they answered this asker before. The question's text is its title or its tags, as the hub is asked.
/// </summary>
internal sealed class CandidateFeatures
{
    public static readonly IReadOnlyList<string> Names =
    [
        "activity, 30-day half-life", "activity, 90-day half-life", "activity, 365-day half-life", "answers", "accepted answers",
        "days since the last answer", "relevance (BM25 x tie x recency)", "BM25 summed", "best document's BM25", "questions asked, recent",
        "tied to the question", "answered this asker before",
    ];

    /// <summary>Of <see cref="Names"/>, "tied to the question": 1 when the question shares a word with something the person answered.</summary>
    public const int Tied = 10;

    /// <summary>The hub's own family: activity, relevance, and being tied to the question (docs/expertise-ranking.md).</summary>
    public static readonly IReadOnlyList<int> HubFamily = [1, 6, Tied];

    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    private readonly QaHistory _history;
    private readonly WordIndex _index;
    private readonly Dictionary<long, PersonProfile> _profiles;
    private readonly long[] _people;

    /// <summary>Reads the past once: its answers' documents and what each answerer did.</summary>
    public CandidateFeatures(QaHistory history)
    {
        _history = history;
        var past = history.Past.ToDictionary(question => question.Id);
        var reference = history.LastPastQuestion;
        var documents = history.PastAnswers
            .Select(answer => (Answer: answer, Question: past[answer.ParentId]))
            .Select(entry => new AnswerDocument(
                entry.Answer.Author!.Value,
                entry.Question,
                entry.Question.AcceptedAnswerId == entry.Answer.Id ? 3 : 1,
                (reference - entry.Answer.At) / Day,
                EvidenceText.Document(entry.Question.Title, entry.Question.Tags, entry.Question.Body)))
            .ToList();
        _index = new WordIndex(documents);
        var asking = history.Past
            .Where(question => question.Asker is not null)
            .GroupBy(question => question.Asker!.Value)
            .ToDictionary(asker => asker.Key, asker => asker.Sum(question => Recency((reference - question.At) / Day, 90)));
        _profiles = documents
            .GroupBy(document => document.Person)
            .ToDictionary(person => person.Key, person => new PersonProfile([.. person], asking.GetValueOrDefault(person.Key)));
        _people = [.. _profiles.Keys.Order()];
    }

    /// <summary>Every usable future question, asked with the text <paramref name="asked"/> takes from it.</summary>
    public IReadOnlyList<QuestionCandidates> Of(Func<DumpQuestion, string> asked) =>
        _history.Usable().Select(usable =>
        {
            var (question, expert) = usable;
            var relevance = _index.Match(asked(question));
            var candidates = _people.Where(person => person != question.Asker).ToArray();
            return new QuestionCandidates(
                [.. candidates.Select(person => _profiles[person].Features(relevance.GetValueOrDefault(person), question.Asker))],
                Array.IndexOf(candidates, expert),
                [.. candidates.Select(person => _profiles[person].LastAnswerTicks(_history.LastPastQuestion))]);
        }).ToList();

    private static double Recency(double daysAgo, double halfLife) => Math.Pow(0.5, daysAgo / halfLife);

    private sealed record AnswerDocument(long Person, DumpQuestion Question, double Tie, double DaysAgo, Dictionary<string, int> Terms)
    {
        public int Length { get; } = Terms.Values.Sum();
    }

    private sealed record Match(double Weighted, double Summed, double Best);

    /// <summary>Plain BM25 (k1 and b as the hub's) of a question's words against every past answer's document, per person.</summary>
    private sealed class WordIndex(IReadOnlyList<AnswerDocument> documents)
    {
        private readonly double _averageLength = documents.Average(document => document.Length);

        private readonly Dictionary<string, int> _documentsWith = documents
            .SelectMany(document => document.Terms.Keys)
            .CountBy(term => term)
            .ToDictionary(term => term.Key, term => term.Value);

        public Dictionary<long, Match> Match(string text)
        {
            var weights = EvidenceText.Terms(text)
                .CountBy(term => term)
                .Where(term => _documentsWith.ContainsKey(term.Key))
                .ToDictionary(term => term.Key, term => term.Value * ExpertDocumentModel.Idf(documents.Count, _documentsWith[term.Key]));
            var matches = new Dictionary<long, Match>();
            foreach (var document in documents)
            {
                var score = document.Terms
                    .Where(term => weights.ContainsKey(term.Key))
                    .Sum(term => weights[term.Key] * term.Value * (ExpertDocumentModel.K1 + 1)
                        / (term.Value + (ExpertDocumentModel.K1 * (1 - ExpertDocumentModel.B + (ExpertDocumentModel.B * document.Length / _averageLength)))));
                if (score > 0)
                {
                    var before = matches.GetValueOrDefault(document.Person) ?? new Match(0, 0, 0);
                    matches[document.Person] = new Match(
                        before.Weighted + (score * document.Tie * Recency(document.DaysAgo, 90)), before.Summed + score, Math.Max(before.Best, score));
                }
            }

            return matches;
        }
    }

    private sealed class PersonProfile
    {
        private readonly double[] _activity;
        private readonly int _answers;
        private readonly int _accepted;
        private readonly double _lastAnswerDaysAgo;
        private readonly double _asked;
        private readonly Dictionary<long, int> _answeredAskers;

        public PersonProfile(IReadOnlyList<AnswerDocument> answers, double asked)
        {
            _activity = [.. new[] { 30.0, 90, 365 }.Select(halfLife => answers.Sum(answer => answer.Tie * Recency(answer.DaysAgo, halfLife)))];
            (_answers, _accepted) = (answers.Count, answers.Count(answer => answer.Tie > 1));
            _lastAnswerDaysAgo = answers.Min(answer => answer.DaysAgo);
            _asked = asked;
            _answeredAskers = answers.Where(answer => answer.Question.Asker is not null).CountBy(answer => answer.Question.Asker!.Value).ToDictionary();
        }

        /// <summary>Ties go to the person who answered last, as in the baselines.</summary>
        public long LastAnswerTicks(DateTime reference) => (reference - TimeSpan.FromDays(_lastAnswerDaysAgo)).Ticks;

        public double[] Features(Match? match, long? asker) =>
        [
            Math.Log(_activity[0] + 1e-3), Math.Log(_activity[1] + 1e-3), Math.Log(_activity[2] + 1e-3), Math.Log(1 + _answers), Math.Log(1 + _accepted),
            // An answer to a past question can be written after the last past question: it counts as today.
            Math.Log(1 + Math.Max(0, _lastAnswerDaysAgo)), Math.Log(1 + (match?.Weighted ?? 0)), Math.Log(1 + (match?.Summed ?? 0)), match?.Best ?? 0,
            Math.Log(1 + _asked), match is null ? 0 : 1, Math.Log(1 + (asker is { } who ? _answeredAskers.GetValueOrDefault(who) : 0)),
        ];
    }
}
