using Microsoft.Extensions.Configuration;
using MimeKit;

namespace KnowledgeHub.Notifications.Features.Email;

/// <summary>Bound from <c>Notifications</c>: where people read the hub (for links in e-mails), the SMTP server and when digests go out.</summary>
internal sealed class NotificationsSettings
{
    public const string SectionName = "Notifications";

    /// <summary>The hub's address as people reach it; e-mails link to it.</summary>
    public string PublicUrl { get; set; } = "http://localhost:5000";

    public SmtpSettings Smtp { get; set; } = new();

    public DigestSettings Digest { get; set; } = new();

    /// <summary>In-app notifications older than this are deleted, read or not (issue 21's retention).</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(180);

    /// <summary>Reads and checks the section; a bad value stops the process with a message naming the setting.</summary>
    public static NotificationsSettings From(IConfiguration configuration)
    {
        NotificationsSettings settings;
        try
        {
            settings = configuration.GetSection(SectionName).Get<NotificationsSettings>() ?? new NotificationsSettings();
        }
        catch (InvalidOperationException exception)
        {
            throw new InvalidOperationException($"The '{SectionName}' settings are invalid: {exception.Message}", exception);
        }

        if (!Uri.TryCreate(settings.PublicUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            throw new InvalidOperationException($"'{SectionName}:PublicUrl' must be an http(s) address, not '{settings.PublicUrl}'.");
        }

        if (settings.Retention < TimeSpan.FromDays(1))
        {
            throw new InvalidOperationException($"'{SectionName}:Retention' must be at least one day, not {settings.Retention}.");
        }

        var smtp = settings.Smtp;
        if (smtp.Port is < 1 or > 65535)
        {
            throw new InvalidOperationException($"'{SectionName}:Smtp:Port' must be between 1 and 65535, not {smtp.Port}.");
        }

        if (smtp.IsEnabled && !MailboxAddress.TryParse(smtp.From, out _))
        {
            throw new InvalidOperationException($"'{SectionName}:Smtp:From' must be an address such as 'KnowledgeHub <hub@example.com>', not '{smtp.From}'.");
        }

        if (smtp.MaxRetryDelay <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"'{SectionName}:Smtp:MaxRetryDelay' must be a positive duration, not {smtp.MaxRetryDelay}.");
        }

        var digest = settings.Digest;
        if (digest.Hour is < 0 or > 23)
        {
            throw new InvalidOperationException($"'{SectionName}:Digest:Hour' must be an hour from 0 to 23, not {digest.Hour}.");
        }

        if (digest.PollInterval <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"'{SectionName}:Digest:PollInterval' must be a positive duration, not {digest.PollInterval}.");
        }

        return settings;
    }
}

/// <summary>The SMTP server e-mail goes out through; without a host no e-mail is sent or queued.</summary>
internal sealed class SmtpSettings
{
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    public string From { get; set; } = "KnowledgeHub <noreply@knowledgehub.local>";

    /// <summary>STARTTLS (or TLS from the start on port 465); off only for a local development server.</summary>
    public bool UseTls { get; set; } = true;

    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>The longest wait between two attempts at an e-mail the server did not take; waits double up to it.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Host);
}

/// <summary>When digests go out: at <see cref="Hour"/> in each person's own time zone, weekly ones on <see cref="WeeklyDay"/>.</summary>
internal sealed class DigestSettings
{
    public int Hour { get; set; } = 7;

    public DayOfWeek WeeklyDay { get; set; } = DayOfWeek.Monday;

    /// <summary>How often an instance looks for people whose digest is due.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);
}
