using KnowledgeHub.Search.Index;

namespace KnowledgeHub.Benchmarks.Search;

/// <summary>
/// A reproducible organisation of any size: titles, bodies and tags drawn from a Zipf-like
/// vocabulary (a few common words, many rare ones), every kind of document, a tenth of the posts
/// in closed communities.
/// </summary>
internal sealed class SyntheticCorpus
{
    public const int Communities = 200;

    private static readonly string[] Departments = ["IT", "FIN", "HR", "OPS", "SALES", "SEC", "ENG", "R-AND-D", "LEGAL", "MKT"];
    private static readonly string[] Syllables = ["ka", "ber", "ne", "tes", "lo", "mi", "dra", "son", "vel", "ta", "qui", "ros", "pen", "dal", "fi", "nor", "ux", "zen", "ga", "ri"];

    private readonly Random _random = new(42);

    public SyntheticCorpus()
    {
        Words = Enumerable.Range(0, 5_000).Select(MakeWord).Distinct().ToArray();
        Tags = Words.Take(300).Select(word => word + "-tag").ToArray();
        ClosedCommunities = Enumerable.Range(0, Communities).Select(_ => Guid.NewGuid()).ToArray();
    }

    public string[] Words { get; }

    public string[] Tags { get; }

    public Guid[] ClosedCommunities { get; }

    /// <summary>A word index skewed toward the common end, as real text is.</summary>
    public string Word() => Words[(int)(Words.Length * Math.Pow(_random.NextDouble(), 3))];

    public SearchDocument Document(int number, DateTimeOffset epoch)
    {
        var roll = _random.Next(100);
        var type = roll switch
        {
            < 20 => DocumentTypes.Person,
            < 22 => DocumentTypes.Community,
            < 82 => DocumentTypes.Post,
            < 92 => DocumentTypes.Project,
            _ => DocumentTypes.Objective,
        };
        var restricted = type == DocumentTypes.Post && _random.Next(10) == 0 ? ClosedCommunities[_random.Next(Communities)] : (Guid?)null;
        var updated = epoch.AddMinutes(number);
        return new SearchDocument(
            type,
            Guid.NewGuid(),
            Sentence(_random.Next(2, 7)),
            Sentence(_random.Next(30, 120)),
            Enumerable.Range(0, _random.Next(1, 5)).Select(_ => Tags[_random.Next(Tags.Length)]).Distinct().ToList(),
            [Departments[_random.Next(Departments.Length)]],
            restricted,
            $"/{type}s/{number}",
            1,
            updated,
            updated);
    }

    public string Sentence(int words) => string.Join(' ', Enumerable.Range(0, words).Select(_ => Word()));

    public string Department() => Departments[_random.Next(Departments.Length)];

    public int Next(int max) => _random.Next(max);

    private string MakeWord(int seed)
    {
        var random = new Random(seed);
        return string.Concat(Enumerable.Range(0, random.Next(2, 5)).Select(_ => Syllables[random.Next(Syllables.Length)]));
    }
}
