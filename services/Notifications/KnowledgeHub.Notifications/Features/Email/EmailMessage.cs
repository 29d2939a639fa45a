using System.Net;
using MimeKit;

namespace KnowledgeHub.Notifications.Features.Email;

/// <summary>A queued notification as an e-mail: plain text and HTML, a stable Message-Id, and RFC 8058 one-click unsubscribe headers.</summary>
internal static class EmailMessage
{
    public static MimeMessage Build(NotificationsSettings settings, QueuedEmail email, string unsubscribeToken)
    {
        var hub = settings.PublicUrl.TrimEnd('/');
        var link = hub + email.Url;
        var unsubscribe = $"{hub}/api/notifications/unsubscribe?token={Uri.EscapeDataString(unsubscribeToken)}";
        var preferences = $"{hub}/me";
        var message = new MimeMessage
        {
            // One id per notification: a receiving system can tell a resent copy from a new e-mail.
            MessageId = $"{email.NotificationId:N}@knowledgehub",
            Subject = email.Title,
        };
        message.From.Add(MailboxAddress.Parse(settings.Smtp.From));
        message.To.Add(new MailboxAddress(email.DisplayName ?? "", email.Address ?? throw new InvalidOperationException("An e-mail needs its recipient's address.")));
        message.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        var body = new BodyBuilder
        {
            TextBody = $"{email.Title}\n\n{link}\n\n--\nYou get this e-mail because you chose '{email.Kind}' e-mails. Change what you receive: {preferences}\n",
            HtmlBody = $"""
                <p>{WebUtility.HtmlEncode(email.Title)}</p>
                <p><a href="{WebUtility.HtmlEncode(link)}">Open it in KnowledgeHub</a></p>
                <hr>
                <p style="font-size:small">You get this e-mail because you chose '{WebUtility.HtmlEncode(email.Kind)}' e-mails.
                <a href="{WebUtility.HtmlEncode(preferences)}">Change what you receive</a>.</p>
                """,
        };
        message.Body = body.ToMessageBody();
        return message;
    }
}

/// <summary>One due row of the e-mail queue with what the e-mail says.</summary>
internal sealed class QueuedEmail
{
    public Guid NotificationId { get; init; }

    public Guid RecipientId { get; init; }

    public required string Kind { get; init; }

    public required string Title { get; init; }

    public required string Url { get; init; }

    public string? Address { get; init; }

    public string? DisplayName { get; init; }

    public long Attempts { get; init; }
}
