using System.Text.RegularExpressions;
using KnowledgeHub.Data;
using KnowledgeHub.Notifications.Features.Delivery;

namespace KnowledgeHub.Notifications.Features.Mentions;

/// <summary>
/// @mentions in a post's or an answer's body. People are known here by their e-mail address, so a
/// mention is <c>@</c> and an address (<c>@jane.doe@example.com</c>) or its part before the <c>@</c>
/// (<c>@jane.doe</c>) when exactly one person known to this service has it; an ambiguous or unknown
/// handle tells nobody. At most <see cref="MaxPerText"/> handles of a text are looked at.
/// </summary>
internal static partial class Mentioning
{
    public const int MaxPerText = 20;

    /// <summary>A post's mentions: one notice per post and person, so an edit tells only the people it adds.</summary>
    public static Notice InPost(Guid postId, string title, Guid authorId) =>
        new(NotificationKinds.Mentioned, $"You were mentioned in: {title}", $"/posts/{postId}", authorId, $"mentioned:{postId}");

    public static Notice InAnswer(Guid answerId, Guid questionId, string questionTitle, Guid authorId) =>
        new(NotificationKinds.Mentioned, $"You were mentioned in an answer to: {questionTitle}", $"/posts/{questionId}", authorId, $"mentioned:{answerId}");

    /// <summary>Tells the people a text mentions, within its community's audience, never its actor, once per <see cref="Notice.DedupeKey"/>.</summary>
    public static async Task TellAsync(UnitOfWork work, Notifier notifier, string? text, Notice notice, Audience audience)
    {
        var handles = Parse(text);
        if (handles.Count > 0)
        {
            await notifier.ToAsync(work, notice, await ResolveAsync(work, handles), audience);
        }
    }

    /// <summary>The distinct handles a text mentions, lower case, in order of appearance.</summary>
    public static IReadOnlyList<string> Parse(string? text) =>
        string.IsNullOrEmpty(text)
            ? []
            : Handle().Matches(text).Select(match => match.Groups[1].Value.TrimEnd('.').ToLowerInvariant())
                .Where(handle => handle.Length > 0).Distinct(StringComparer.Ordinal).Take(MaxPerText).ToList();

    private static async Task<IReadOnlyList<Guid>> ResolveAsync(DbSession session, IReadOnlyList<string> handles)
    {
        var people = new List<Guid>();
        foreach (var handle in handles)
        {
            var matches = await session.QueryAsync<Guid>(
                handle.Contains('@', StringComparison.Ordinal)
                    ? "SELECT id FROM people WHERE lower(email) = @Handle"
                    : @"SELECT id FROM people WHERE lower(email) LIKE @Handle ESCAPE '\'",
                new { Handle = handle.Contains('@', StringComparison.Ordinal) ? handle : Escape(handle) + "@%" });
            if (matches.Count == 1)
            {
                people.Add(matches[0]);
            }
        }

        return people;
    }

    private static string Escape(string pattern) =>
        pattern.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);

    // "@" not preceded by a word character (so "jane@example.com" in a sentence is no mention), then a
    // local part and, optionally, "@domain".
    [GeneratedRegex(@"(?<![\w@.])@([A-Za-z0-9._%+-]+(?:@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)?)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Handle();
}
