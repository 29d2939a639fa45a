namespace KnowledgeHub.Expertise.Features.Privacy;

/// <summary>The services that hold data about people: an erasure completes when each has answered.</summary>
internal static class ErasingServices
{
    public static IReadOnlyList<string> All { get; } = ["alignment", "communities", "expertise", "notifications", "partnerships", "search"];
}
