namespace KnowledgeHub.Search.Index;

/// <summary>The services whose data Search indexes, by their module names.</summary>
internal static class Owners
{
    public const string Expertise = "expertise";
    public const string Communities = "communities";
    public const string Alignment = "alignment";

    public static readonly IReadOnlyList<string> All = [Expertise, Communities, Alignment];
}
