using KnowledgeHub.Messaging;
using KnowledgeHub.ServiceDefaults.Http;

namespace KnowledgeHub.Expertise.Consumers;

/// <summary>Events are untrusted input: what makes no sense is refused, not stored.</summary>
internal static class EventChecks
{
    public static void RequireId(Guid id, string field, string eventName)
    {
        if (id == Guid.Empty)
        {
            throw new InvalidEventException($"A {eventName} needs a {field}.");
        }
    }

    public static void RequireText(string? text, string field, string eventName)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new InvalidEventException($"A {eventName} needs a {field}.");
        }
    }

    public static void RequireVersion(long version, string eventName)
    {
        if (version < 1)
        {
            throw new InvalidEventException($"A {eventName} needs a positive version.");
        }
    }

    /// <summary>Tags as every service stores them, comma-joined; tags that break the shared rules make the event nonsense.</summary>
    public static string Tags(IReadOnlyList<string>? tags, string eventName)
    {
        var validation = new Validation();
        var normalized = TagList.Normalize(tags, validation);
        if (!validation.IsValid)
        {
            throw new InvalidEventException($"A {eventName} carries tags that break the tag rules.");
        }

        return string.Join(',', normalized);
    }
}
