using KnowledgeHub.Messaging;

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
}
