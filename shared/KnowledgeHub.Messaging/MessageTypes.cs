using System.Text.Json;
using KnowledgeHub.Contracts;

namespace KnowledgeHub.Messaging;

/// <summary>
/// Only integration events of the contracts assembly cross a service boundary; the outbox stores
/// their full type name and turns it back into a type when it relays them.
/// </summary>
internal static class MessageTypes
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string NameOf(Type type) =>
        type.Assembly == IntegrationEvents.Assembly && type.FullName is { } name
            ? name
            : throw new ArgumentException($"{type} is not an integration event of KnowledgeHub.Contracts.", nameof(type));

    public static Type Resolve(string name) =>
        IntegrationEvents.Assembly.GetType(name, throwOnError: false)
        ?? throw new InvalidOperationException($"The outbox holds a message of unknown type '{name}'.");
}
