using KnowledgeHub.Search.Index;
using Microsoft.Extensions.Configuration;

namespace KnowledgeHub.Search.Reindex;

/// <summary>Bound from <c>Search:Reindex</c>.</summary>
internal sealed class ReindexSettings
{
    public const string SectionName = "Search:Reindex";

    /// <summary>The services that must announce and deliver their replay; by default every data owner.</summary>
    public IReadOnlyList<string> Services { get; set; } = Owners.All;

    /// <summary>A reindex fails when no service announced or delivered anything for this long.</summary>
    public TimeSpan StallTimeout { get; set; } = TimeSpan.FromMinutes(1);

    public static ReindexSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        var settings = new ReindexSettings();
        if (section.GetSection(nameof(Services)).Get<string[]>() is { Length: > 0 } services)
        {
            settings.Services = services;
        }

        if (section.GetValue<TimeSpan?>(nameof(StallTimeout)) is { } timeout)
        {
            settings.StallTimeout = timeout > TimeSpan.Zero
                ? timeout
                : throw new InvalidOperationException($"'{SectionName}:{nameof(StallTimeout)}' must be longer than zero; it is {timeout}.");
        }

        return settings;
    }
}
