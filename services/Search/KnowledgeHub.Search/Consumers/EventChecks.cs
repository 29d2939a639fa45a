using KnowledgeHub.Messaging;
using KnowledgeHub.ServiceDefaults.Http;

namespace KnowledgeHub.Search.Consumers;

/// <summary>Events are untrusted input: what cannot be indexed goes to the error queue instead.</summary>
internal static class EventChecks
{
    public static void Require(bool condition, string eventName, string what)
    {
        if (!condition)
        {
            throw new InvalidEventException($"A {eventName} cannot be indexed: {what}.");
        }
    }

    public static void RequireIdentity(Guid id, long version, string title, string eventName)
    {
        Require(id != Guid.Empty, eventName, "it has no id");
        Require(version >= 1, eventName, "its version is not positive");
        Require(!string.IsNullOrWhiteSpace(title), eventName, "it has no title or name");
    }

    /// <summary>Tags as the API filters them: trimmed, lower-case, distinct, without blanks.</summary>
    public static IReadOnlyList<string> Tags(IEnumerable<string?>? tags) =>
        (tags ?? []).Select(tag => tag?.Trim().ToLowerInvariant()).OfType<string>().Where(tag => tag.Length > 0).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Department codes as the API filters them; what is no department code is left out.</summary>
    public static IReadOnlyList<string> Departments(params IEnumerable<string?> codes) =>
        codes.Select(DepartmentCodes.Normalize).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
}
