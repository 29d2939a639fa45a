using System.Globalization;
using System.Net;
using System.Text;
using KnowledgeHub.Notifications.Features.Email;
using MimeKit;

namespace KnowledgeHub.Notifications.Features.Digests;

/// <summary>
/// A digest as an e-mail, plain text and HTML, every date and time in the person's time zone. Its
/// Message-Id names the person and period, so a copy resent after a crash is recognisably the same.
/// </summary>
internal static class DigestMessage
{
    /// <summary>The "kind" an unsubscribe link of a digest names: following it turns the digest off.</summary>
    public const string UnsubscribeKind = "digest";

    public static MimeMessage Build(NotificationsSettings settings, DueDigest digest, DigestContent content, string unsubscribeToken)
    {
        var zone = TimeZones.Of(digest.TimeZone);
        var hub = settings.PublicUrl.TrimEnd('/');
        var day = TimeZoneInfo.ConvertTime(digest.UntilAt, zone).ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture);
        var heading = $"Your {digest.Frequency} KnowledgeHub digest, {day}";
        var sections = new (string Title, IReadOnlyList<DigestItem> Items)[]
        {
            ("Questions routed to you, still open", content.OpenQuestions),
            ("Answers to your questions", content.Answers),
            ("Activity you follow", content.Followed),
        }.Where(section => section.Items.Count > 0).ToList();

        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{heading}\n(times in {zone.Id})\n");
        var html = new StringBuilder().Append(CultureInfo.InvariantCulture, $"<h1>{WebUtility.HtmlEncode(heading)}</h1>\n<p>Times in {WebUtility.HtmlEncode(zone.Id)}.</p>\n");
        foreach (var (title, items) in sections)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n{title} ({items.Count})\n");
            html.Append(CultureInfo.InvariantCulture, $"<h2>{WebUtility.HtmlEncode(title)} ({items.Count})</h2>\n<ul>\n");
            foreach (var item in items.Take(DigestContent.ItemsPerSection))
            {
                var at = TimeZoneInfo.ConvertTime(item.CreatedAt, zone).ToString("ddd d MMM HH:mm", CultureInfo.InvariantCulture);
                text.Append(CultureInfo.InvariantCulture, $"- {item.Title} ({at})\n  {hub}{item.Url}\n");
                html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{WebUtility.HtmlEncode(hub + item.Url)}\">{WebUtility.HtmlEncode(item.Title)}</a> <small>{at}</small></li>\n");
            }

            var more = items.Count - DigestContent.ItemsPerSection;
            if (more > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"- and {more} more: {hub}/notifications\n");
                html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{WebUtility.HtmlEncode(hub)}/notifications\">and {more} more</a></li>\n");
            }

            html.Append("</ul>\n");
        }

        return EmailMessage.Compose(
            settings,
            new MailboxAddress(digest.DisplayName ?? "", digest.Address ?? throw new InvalidOperationException("A digest needs its recipient's address.")),
            $"digest-{digest.PersonId:N}-{digest.Period.Replace(':', '-')}@knowledgehub",
            heading,
            text.ToString(),
            html.ToString(),
            $"a {digest.Frequency} digest",
            unsubscribeToken);
    }
}

/// <summary>A claimed digest waiting to be sent, with its recipient.</summary>
internal sealed class DueDigest
{
    public Guid PersonId { get; init; }

    public required string Period { get; init; }

    public required string Frequency { get; init; }

    public required string TimeZone { get; init; }

    public DateTimeOffset SinceAt { get; init; }

    public DateTimeOffset UntilAt { get; init; }

    public long Attempts { get; init; }

    public string? Address { get; init; }

    public string? DisplayName { get; init; }
}
