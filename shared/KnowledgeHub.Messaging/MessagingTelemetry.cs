using System.Diagnostics;

namespace KnowledgeHub.Messaging;

internal static class MessagingTelemetry
{
    public static readonly ActivitySource Source = new("KnowledgeHub.Messaging");
}
