using System.Reflection;

namespace KnowledgeHub.Contracts;

/// <summary>
/// The integration events services publish, one namespace per publishing service. Records only;
/// each is pinned to a stable URN so renaming a type never breaks a running consumer.
/// </summary>
public static class IntegrationEvents
{
    public static Assembly Assembly => typeof(IntegrationEvents).Assembly;
}
