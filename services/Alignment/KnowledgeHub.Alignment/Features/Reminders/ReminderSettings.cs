using Microsoft.Extensions.Configuration;

namespace KnowledgeHub.Alignment.Features.Reminders;

/// <summary>Bound from <c>Alignment:Reminders</c>: when a key-result check-in is due and how often to look.</summary>
internal sealed class ReminderSettings
{
    public const string SectionName = "Alignment:Reminders";

    /// <summary>A key result of a current objective without a check-in for this long is due one.</summary>
    public TimeSpan CheckInAfter { get; set; } = TimeSpan.FromDays(14);

    /// <summary>How often an instance looks for reports and check-ins that became due.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Reads and checks the section; a bad value stops the process with a message naming the setting.</summary>
    public static ReminderSettings From(IConfiguration configuration)
    {
        var settings = configuration.GetSection(SectionName).Get<ReminderSettings>() ?? new ReminderSettings();
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
