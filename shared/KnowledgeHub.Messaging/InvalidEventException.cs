namespace KnowledgeHub.Messaging;

/// <summary>
/// An event that cannot be applied as sent. Events are untrusted input: a consumer throws this
/// instead of writing nonsense, and the message goes straight to the error queue without retries.
/// </summary>
public sealed class InvalidEventException(string message) : Exception(message);
