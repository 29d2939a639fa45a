using KnowledgeHub.Alignment.Features.Scorecard;
using Microsoft.Extensions.Configuration;

namespace KnowledgeHub.Alignment.Features.Reminders;

/// <summary>Bound from <c>Alignment:Reminders</c>: when a status report and a key-result check-in are due, and how often to look.</summary>
internal sealed class ReminderSettings
{
    public const string SectionName = "Alignment:Reminders";

    /// <summary>An active project without a status report for this long is due one; by default the scorecard's stale window.</summary>
    public TimeSpan StatusReportAfter { get; set; } = GetScorecard.StaleAfter;

    /// <summary>A key result of a current objective without a check-in for this long is due one.</summary>
    public TimeSpan CheckInAfter { get; set; } = TimeSpan.FromDays(14);

    /// <summary>How often an instance looks for reports and check-ins that became due.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Reads and checks the section; a bad value stops the process with a message naming the setting.</summary>
    public static ReminderSettings From(IConfiguration configuration)
    {
        var settings = configuration.GetSection(SectionName).Get<ReminderSettings>() ?? new ReminderSettings();
        if (settings.StatusReportAfter <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"'{SectionName}:StatusReportAfter' must be a positive duration, not {settings.StatusReportAfter}.");
        }

        if (settings.CheckInAfter <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"'{SectionName}:CheckInAfter' must be a positive duration, not {settings.CheckInAfter}.");
        }

        if (settings.PollInterval <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"'{SectionName}:PollInterval' must be a positive duration, not {settings.PollInterval}.");
        }

        return settings;
    }
}
