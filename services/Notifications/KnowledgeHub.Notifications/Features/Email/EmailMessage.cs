using System.Net;
using MimeKit;

namespace KnowledgeHub.Notifications.Features.Email;

/// <summary>A queued notification as an e-mail: plain text and HTML, a stable Message-Id, and RFC 8058 one-click unsubscribe headers.</summary>
internal static class EmailMessage
{
    public static MimeMessage Build(NotificationsSettings settings, QueuedEmail email, string unsubscribeToken)
    {
        var link = settings.PublicUrl.TrimEnd('/') + email.Url;
        return Compose(
            settings,
            new MailboxAddress(email.DisplayName ?? "", email.Address ?? throw new InvalidOperationException("An e-mail needs its recipient's address.")),
            // One id per notification: a receiving system can tell a resent copy from a new e-mail.
            $"{email.NotificationId:N}@knowledgehub",
            email.Title,
            $"{email.Title}\n\n{link}\n",
            $"""
            <p>{WebUtility.HtmlEncode(email.Title)}</p>
            <p><a href="{WebUtility.HtmlEncode(link)}">Open it in KnowledgeHub</a></p>
            """,
            $"'{email.Kind}' e-mails",
            unsubscribeToken);
    }

    /// <summary>
    /// An e-mail of this service: the body as plain text and HTML, each ending with why the person
    /// gets it (<paramref name="choice"/>) and a link to their preferences, and the RFC 8058
    /// one-click unsubscribe headers for the signed token.
    /// </summary>
    public static MimeMessage Compose(
        NotificationsSettings settings, MailboxAddress to, string messageId, string subject, string text, string html, string choice, string unsubscribeToken)
    {
        var hub = settings.PublicUrl.TrimEnd('/');
        var unsubscribe = $"{hub}/api/notifications/unsubscribe?token={Uri.EscapeDataString(unsubscribeToken)}";
        var preferences = $"{hub}/me";
        var message = new MimeMessage { MessageId = messageId, Subject = subject };
        message.From.Add(MailboxAddress.Parse(settings.Smtp.From));
        message.To.Add(to);
        message.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        var body = new BodyBuilder
        {
            TextBody = $"{text}\n--\nYou get this e-mail because you chose {choice}. Change what you receive: {preferences}\n",
            HtmlBody = $"""
                {html}
                <hr>
                <p style="font-size:small">You get this e-mail because you chose {WebUtility.HtmlEncode(choice)}.
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
