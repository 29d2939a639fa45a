using Microsoft.Extensions.Configuration;

namespace KnowledgeHub.Search.Feed;

/// <summary>Bound from <c>Search:Feed</c>.</summary>
internal sealed class SearchFeedSettings
{
    public const string SectionName = "Search:Feed";

    private static readonly TimeSpan ShortestRetention = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Feed entries older than this are deleted. An index further behind (an instance down for
    /// longer) is refilled from the stored documents instead.
    /// </summary>
    public TimeSpan Retention { get; init; } = TimeSpan.FromDays(7);

    public static SearchFeedSettings From(IConfiguration configuration)
    {
        var retention = configuration.GetSection(SectionName).GetValue<TimeSpan?>(nameof(Retention)) ?? new SearchFeedSettings().Retention;
        return retention >= ShortestRetention
            ? new SearchFeedSettings { Retention = retention }
            : throw new InvalidOperationException($"'{SectionName}:{nameof(Retention)}' must be at least {ShortestRetention}; it is {retention}.");
    }
}
