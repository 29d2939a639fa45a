using System.Net;
using KnowledgeHub.Contracts.Expertise;
using KnowledgeHub.Testing;
using MimeKit;
using Xunit;

namespace KnowledgeHub.Notifications.Tests;

/// <summary>Immediate e-mails for the kinds a person chose, over a real SMTP server, with one-click unsubscribe.</summary>
public abstract class EmailTests(EmailFixture fixture)
{
    [Fact]
    public async Task A_chosen_kind_is_mailed_once_as_text_and_html_with_a_one_click_unsubscribe()
    {
        var (me, quiet, endorser) = (TestUser.Employee("me"), TestUser.Employee("quiet"), TestUser.Employee("endorser"));
        await fixture.KnowPeopleAsync(me, quiet, endorser);
        await ChooseAsync(me, "endorsed");
        var endorsement = new EndorsementGiven(Guid.NewGuid(), me.Id, "Kubernetes", endorser.Id, DateTimeOffset.UtcNow);

        var messageId = await fixture.Host.PublishAsync(endorsement);
        await fixture.Host.PublishAsync(endorsement, messageId);
        await fixture.Host.PublishAsync(endorsement with { PersonId = quiet.Id, EndorsementId = Guid.NewGuid() });
        await fixture.Host.PublishAsync(new EndorsementGiven(Guid.NewGuid(), me.Id, "Linux", endorser.Id, DateTimeOffset.UtcNow));

        var mails = await Eventually.GetAsync(
            async () => await fixture.Smtp.MessagesToAsync(me.Email) is { Count: 2 } received ? received : null, TimeSpan.FromSeconds(20), "two e-mails");
        var mail = Assert.Single(mails.Select(Parse), message => message.Subject == "You were endorsed for Kubernetes");
        Assert.Contains("http://hub.example.test/people/", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("<a href=\"http://hub.example.test/people/", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
        await fixture.UntilAsync("SELECT count(*) FROM email_queue WHERE sent_at IS NOT NULL", new { }, 2, "both e-mails marked sent");
        Assert.Empty(await fixture.Smtp.MessagesToAsync(quiet.Email));

        var unsubscribe = mail.Headers["List-Unsubscribe"]!.Trim('<', '>');
        using var anonymous = fixture.Host.CreateClient();
        using var clicked = await anonymous.PostAsync(new Uri(unsubscribe).PathAndQuery, new StringContent("List-Unsubscribe=One-Click", System.Text.Encoding.ASCII, "application/x-www-form-urlencoded"));
        await clicked.EnsureStatusAsync(HttpStatusCode.NoContent);
        var preferences = await fixture.Host.CreateClient(me).GetJsonAsync("/api/notifications/preferences");
        Assert.Empty(preferences["email"]!["immediate"]!.AsArray());
        using var forged = await anonymous.PostAsync(new Uri(unsubscribe.Replace("token=", "token=x", StringComparison.Ordinal)).PathAndQuery, null);
        await forged.AssertRefusedAsync("token");
    }

    private Task ChooseAsync(TestUser person, params string[] kinds) =>
        fixture.Host.CreateClient(person).PutJsonAsync(
            "/api/notifications/preferences", new { email = new { digest = "off", immediate = kinds }, muted = Array.Empty<string>() }, HttpStatusCode.OK);

    private static MimeMessage Parse(string source) => MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(source)));
}

public sealed class Email_on_Sqlite(SqliteEmail fixture) : EmailTests(fixture), IClassFixture<SqliteEmail>;

public sealed class Email_on_Postgres(PostgresEmail fixture) : EmailTests(fixture), IClassFixture<PostgresEmail>;

/// <summary>E-mails queued while the SMTP server is down are sent, once each, when it returns.</summary>
public abstract class SmtpOutageTests(SmtpOutageFixture fixture)
{
    [Fact]
    public async Task E_mails_wait_out_an_outage_and_are_sent_once_each_after_it()
    {
        var (me, endorser) = (TestUser.Employee("me"), TestUser.Employee("endorser"));
        await fixture.KnowPeopleAsync(me, endorser);
        await fixture.Host.CreateClient(me).PutJsonAsync(
            "/api/notifications/preferences", new { email = new { digest = "off", immediate = new[] { "endorsed" } }, muted = Array.Empty<string>() }, HttpStatusCode.OK);
        const int Written = 5;
        for (var index = 0; index < Written; index++)
        {
            await fixture.Host.PublishAsync(new EndorsementGiven(Guid.NewGuid(), me.Id, $"Skill {index}", endorser.Id, DateTimeOffset.UtcNow));
        }

        await fixture.UntilAsync("SELECT count(*) FROM email_queue WHERE sent_at IS NULL AND attempts >= 2", new { }, Written, "every e-mail to have failed twice");

        await using var smtp = await SmtpTestServer.StartAsync(fixture.SmtpPort, own: true);

        await fixture.UntilAsync("SELECT count(*) FROM email_queue WHERE sent_at IS NOT NULL", new { }, Written, "every e-mail to be sent");
        var received = await smtp.MessagesToAsync(me.Email);
        Assert.Equal(Written, received.Count);
        Assert.Equal(Written, received.Select(source => MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(source))).MessageId).Distinct().Count());
    }
}

public sealed class Smtp_outage_on_Sqlite(SqliteSmtpOutage fixture) : SmtpOutageTests(fixture), IClassFixture<SqliteSmtpOutage>;

public sealed class Smtp_outage_on_Postgres(PostgresSmtpOutage fixture) : SmtpOutageTests(fixture), IClassFixture<PostgresSmtpOutage>;
