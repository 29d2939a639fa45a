using KnowledgeHub.Data;

namespace KnowledgeHub.Expertise.Features.Skills;

/// <summary>
/// Every name and alias of the taxonomy in memory, for one request. Finds the skills a free text
/// is about (ADR 0009): the whole text as a name or alias; otherwise, word by word, the longest
/// run of up to four words that is a name or alias; otherwise a name or alias within a small edit
/// distance (one edit from 5 letters, two from 8; a swap of neighbours is one edit), so
/// "kubernets" and "postgress" still find their skill.
/// Common words ("who", "knows", "help") are never matched.
/// </summary>
internal sealed class SkillIndex
{
    private const int LongestRun = 4;
    private const int MaxWords = 20;

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "about", "an", "and", "any", "anyone", "are", "at", "be", "can", "could", "do", "does", "expert", "experts",
        "for", "from", "get", "has", "have", "help", "how", "i", "in", "is", "it", "knows", "know", "like", "me", "my",
        "need", "of", "on", "or", "our", "someone", "that", "the", "this", "to", "using", "want", "we", "what", "who",
        "why", "with", "working", "would", "you",
    };

    private static readonly char[] Separators = [' ', '\t', '\n', '\r', ',', ';', ':', '?', '!', '(', ')', '[', ']', '{', '}', '"', '\'', '|', '*'];

    private readonly Dictionary<string, SkillRef> _byKey;

    // Every name and alias by its length: a typo is compared only with those a few edits can reach.
    private readonly Dictionary<int, (string Key, SkillRef Skill)[]> _byLength;

    private SkillIndex(Dictionary<string, SkillRef> byKey)
    {
        _byKey = byKey;
        _byLength = byKey
            .GroupBy(entry => entry.Key.Length)
            .ToDictionary(group => group.Key, group => group.Select(entry => (entry.Key, entry.Value)).ToArray());
    }

    /// <summary>Reads every name and alias of the taxonomy; <see cref="SkillIndexCache"/> keeps what it read.</summary>
    public static async Task<SkillIndex> LoadAsync(DbSession session)
    {
        var keys = await session.QueryAsync<KeyedSkill>(
            """
            SELECT s.name_key AS KeyText, s.id AS Id, s.name AS Name FROM skills s
            UNION ALL
            SELECT a.alias_key, s.id, s.name FROM skill_aliases a JOIN skills s ON s.id = a.skill_id
            """);
        var byKey = new Dictionary<string, SkillRef>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            byKey.TryAdd(key.KeyText, new SkillRef { Id = key.Id, Name = key.Name });
        }

        return new SkillIndex(byKey);
    }

    /// <summary>The canonical name of a skill's exact name or alias, or null.</summary>
    public string? Named(string name) => _byKey.TryGetValue(SkillTaxonomy.KeyOf(name), out var skill) ? skill.Name : null;

    /// <summary>The distinct skills the text names, in the order it names them.</summary>
    public IReadOnlyList<SkillRef> Match(string text)
    {
        var found = new List<SkillRef>();
        if (_byKey.TryGetValue(SkillTaxonomy.KeyOf(text), out var whole))
        {
            found.Add(whole);
            return found;
        }

        var words = Words(text);
        for (var start = 0; start < words.Count;)
        {
            var (skill, length) = Exact(words, start);
            if (skill is null && !StopWords.Contains(words[start]))
            {
                (skill, length) = Near(words, start);
            }

            if (skill is not null && found.TrueForAll(known => known.Id != skill.Id))
            {
                found.Add(skill);
            }

            start += Math.Max(1, length);
        }

        return found;
    }

    /// <summary>The skills with a name or alias containing the text, or null when there are more than <paramref name="most"/>.</summary>
    public IReadOnlyList<Guid>? Containing(string text, int most)
    {
        var key = SkillTaxonomy.KeyOf(text);
        var found = new HashSet<Guid>();
        foreach (var (name, skill) in _byKey)
        {
            if (name.Contains(key, StringComparison.Ordinal) && found.Add(skill.Id) && found.Count > most)
            {
                return null;
            }
        }

        return [.. found];
    }

    /// <summary>The words of a text that are not common words: what a search on titles looks for.</summary>
    public static IReadOnlyList<string> SignificantWords(string text) =>
        Words(text).Where(word => word.Length >= 3 && !StopWords.Contains(word)).Distinct(StringComparer.Ordinal).ToList();

    private static List<string> Words(string text) =>
        text.ToLowerInvariant()
            .Split(Separators, StringSplitOptions.RemoveEmptyEntries)
            .Select(word => word.TrimEnd('.'))
            .Where(word => word.Length > 0)
            .Take(MaxWords)
            .ToList();

    private (SkillRef? Skill, int Length) Exact(List<string> words, int start)
    {
        for (var length = Math.Min(LongestRun, words.Count - start); length >= 1; length--)
        {
            if (length == 1 && StopWords.Contains(words[start]))
            {
                break;
            }

            if (_byKey.TryGetValue(string.Join(' ', words.Skip(start).Take(length)), out var skill))
            {
                return (skill, length);
            }
        }

        return (null, 0);
    }

    private (SkillRef? Skill, int Length) Near(List<string> words, int start)
    {
        for (var length = Math.Min(2, words.Count - start); length >= 1; length--)
        {
            var phrase = string.Join(' ', words.Skip(start).Take(length));
            var allowed = phrase.Length >= 8 ? 2 : phrase.Length >= 5 ? 1 : 0;
            if (allowed == 0)
            {
                continue;
            }

            if (Nearest(phrase, allowed) is { } skill)
            {
                return (skill, length);
            }
        }

        return (null, 0);
    }

    /// <summary>The name or alias fewest edits away, at most <paramref name="allowed"/>; of those as near, the first in ordinal order.</summary>
    private SkillRef? Nearest(string phrase, int allowed)
    {
        var (nearest, distance, nearestKey) = ((SkillRef?)null, allowed + 1, "");
        for (var length = phrase.Length - allowed; length <= phrase.Length + allowed; length++)
        {
            foreach (var (key, skill) in _byLength.GetValueOrDefault(length, []))
            {
                var edits = EditDistance.Within(phrase, key, allowed);
                if (edits < distance || (edits == distance && string.CompareOrdinal(key, nearestKey) < 0))
                {
                    (nearest, distance, nearestKey) = (skill, edits, key);
                }
            }
        }

        return nearest;
    }
}
