using Microsoft.Extensions.Configuration;

namespace KnowledgeHub.Expertise.Features.Audit;

/// <summary>Bound from <c>Audit</c>.</summary>
internal sealed class AuditSettings
{
    public const string SectionName = "Audit";

    /// <summary>
    /// An entry's details are blanked after this; who did what to what, when, stays for good and the
    /// chain still verifies (the details' digest is what is chained).
    /// </summary>
    public TimeSpan DetailRetention { get; init; } = TimeSpan.FromDays(730);

    public static AuditSettings From(IConfiguration configuration)
    {
        var retention = configuration.GetSection(SectionName).GetValue<TimeSpan?>(nameof(DetailRetention)) ?? new AuditSettings().DetailRetention;
        return retention >= TimeSpan.FromDays(1)
            ? new AuditSettings { DetailRetention = retention }
            : throw new InvalidOperationException($"'{SectionName}:{nameof(DetailRetention)}' must be at least one day; it is {retention}.");
    }
}
