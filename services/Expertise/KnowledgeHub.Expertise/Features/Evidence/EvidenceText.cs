using System.Net;
using System.Text.RegularExpressions;

namespace KnowledgeHub.Expertise.Features.Evidence;

/// <summary>
/// Turns evidence and questions into terms the same way (ADR 0043): markup stripped, lower-cased,
/// split on anything but letters, digits, + and # (a hyphenated word stays one term, as tags are),
/// common words dropped, a plural's s taken off
/// ("queries" → "query", "scripts" → "script"). Plain and predictable, so a result can be explained.
/// </summary>
internal static partial class EvidenceText
{
    /// <summary>How much of a body counts: its start says what it is about, and this bounds the index.</summary>
    public const int BodyTerms = 200;

    /// <summary>Of a long question, the terms that count; the rarest are kept (ExpertDocuments).</summary>
    public const int MaxQueryTerms = 64;

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "an", "and", "are", "as", "at", "be", "but", "by", "can", "do", "does", "for", "from", "has", "have", "how", "if", "in", "into", "is",
        "it", "its", "of", "on", "or", "so", "that", "the", "their", "there", "these", "this", "to", "was", "what", "when", "where", "which",
        "who", "why", "will", "with", "would", "you", "your", "my", "me", "we", "our", "not", "no", "any", "some", "more", "most", "than", "then",
        "them", "they", "one", "all", "about", "should", "could", "get", "just", "like", "also", "use", "used", "using", "very", "much", "many",
        "been", "being", "were", "did", "don", "re", "ve", "ll", "knows", "know", "anyone", "someone", "help", "need", "i",
    };

    public static IEnumerable<string> Terms(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            yield break;
        }

        var plain = WebUtility.HtmlDecode(Markup().Replace(text, " ")).ToLowerInvariant();
        foreach (Match word in Word().Matches(plain))
        {
            if (word.Length >= 2 && !StopWords.Contains(word.Value))
            {
                yield return Stem(word.Value);
            }
        }
    }

    /// <summary>
    /// A document's term frequencies: its title counts twice, then its tags (each whole, and its words, so
    /// "whole-bean" is found by the tag and by "whole bean"), then the start of its body.
    /// </summary>
    public static Dictionary<string, int> Document(string title, IEnumerable<string> tags, string? body)
    {
        var terms = new Dictionary<string, int>(StringComparer.Ordinal);
        var titleTerms = Terms(title).ToList();
        foreach (var term in titleTerms.Concat(titleTerms).Concat(tags.SelectMany(tag => Terms(tag).Concat(tag.Contains('-', StringComparison.Ordinal) ? Terms(tag.Replace('-', ' ')) : []))).Concat(Terms(body).Take(BodyTerms)))
        {
            terms[term] = terms.GetValueOrDefault(term) + 1;
        }

        return terms;
    }

    private static string Stem(string word) => word switch
    {
        { Length: > 4 } when word.EndsWith("ies", StringComparison.Ordinal) => word[..^3] + "y",
        { Length: > 3 } when word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) => word[..^1],
        _ => word,
    };

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Markup();

    [GeneratedRegex("[a-z0-9][a-z0-9+#]*(?:-[a-z0-9+#]+)*")]
    private static partial Regex Word();
}
