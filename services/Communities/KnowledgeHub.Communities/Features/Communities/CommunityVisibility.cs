namespace KnowledgeHub.Communities.Features.Communities;

internal static class CommunityVisibility
{
    public const string Open = "open";
    public const string Closed = "closed";

    public static readonly string[] All = [Open, Closed];
}
