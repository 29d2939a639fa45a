using System.Net;
using System.Text.RegularExpressions;
using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.Reliability.Tests.Distributed;

/// <summary>
/// Scenario 10: the SMTP server down for 30 seconds (nothing listens on its port) under a stream of
/// questions routed to an expert who chose an e-mail for each; then every acknowledged question must
/// have brought exactly one e-mail.
/// </summary>
[Collection(FaultHub.Collection)]
public sealed partial class Smtp_outage(FaultHub faults)
{
    private const string Scenario = "10 SMTP down 30 s";
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Routed_questions_bring_one_e_mail_each_after_the_SMTP_server_was_down_for_30_seconds()
    {
        faults.SkipIfUnavailable();
        Requirements.SkipUnlessMet(faults.SmtpUnavailable);
        var (smtp, link) = (faults.Smtp!, faults.SmtpLink!);
        var marker = FaultHub.NewMarker();
        var skill = $"skill{marker}";
        var admin = await faults.Hub.CreateGatewayClient().SignInAsync($"admin.{marker}@example.com", "IT", "admin");
        await admin.PutJsonAsync($"/api/skills/{skill}", new { aliases = Array.Empty<string>(), category = "Platform" }, HttpStatusCode.OK);
        var expertEmail = $"expert.{marker}@example.com";
        var expert = await faults.Hub.CreateGatewayClient().SignInAsync(expertEmail, "IT");
        await expert.GetJsonAsync("/api/people/me");
        await expert.PutJsonAsync($"/api/people/me/skills/{skill}", new { level = 5 }, HttpStatusCode.OK);
        await expert.PutJsonAsync(
            "/api/notifications/preferences", new { email = new { digest = "off", immediate = new[] { "question-routed" } }, muted = Array.Empty<string>() }, HttpStatusCode.OK);
        var (asker, communityId) = await faults.NewAuthorWithCommunityAsync(marker);

        await using var stream = new WriteStream(asker, communityId, marker, pace: TimeSpan.FromMilliseconds(500), type: "question", tag: skill);
        await Eventually.AssertAsync(async () => (await MailedPostsAsync(smtp, expertEmail)).Count > 0, TimeSpan.FromSeconds(60), "the first routed question's e-mail");
        link.TakeDown();
        var acknowledgedBefore = stream.Acknowledged;
        await Task.Delay(Outage, TestContext.Current.CancellationToken);
        var duringOutage = stream.Acknowledged - acknowledgedBefore;
        var waiting = await faults.CountAsync("notifications", "SELECT count(*) FROM email_queue WHERE sent_at IS NULL AND attempts > 0");
        link.Heal();
        var sinceBack = System.Diagnostics.Stopwatch.StartNew();
        await stream.UntilAcknowledgedAsync(stream.Acknowledged + 5, TimeSpan.FromSeconds(30));
        var attempts = await stream.StopAsync();

        var acknowledged = attempts.Where(attempt => attempt.Acknowledged).Select(attempt => attempt.PostId!).ToHashSet();
        try
        {
            await Eventually.AssertAsync(async () => acknowledged.IsSubsetOf(await MailedPostsAsync(smtp, expertEmail)), Deadline, "an e-mail for every acknowledged question");
        }
        catch (TimeoutException)
        {
            // The counts below say what is missing.
        }

        var mailed = await MailedPostsAsync(smtp, expertEmail);
        var drained = sinceBack.Elapsed;
        var retried = await faults.CountAsync("notifications", "SELECT count(*) FROM email_queue WHERE attempts > 1");
        var lost = acknowledged.Count(post => !mailed.Contains(post));
        var duplicated = mailed.Count - mailed.Distinct().Count();
        // A write without an answer may have taken effect (and been mailed) all the same; beyond those, an e-mail has no cause.
        var unexplained = Math.Max(0, mailed.Distinct().Count(post => !acknowledged.Contains(post)) - (attempts.Count - acknowledged.Count));

        FaultReport.Note(
            $"{Scenario}: questions written {attempts.Count} ({WriteAttempt.Outcomes(attempts)}), acknowledged {acknowledged.Count} ({duringOutage} while the server was down), "
            + $"e-mails received {mailed.Count} for {mailed.Distinct().Count()} questions, lost {lost}, duplicated {duplicated}, unexplained {unexplained}; "
            + $"{waiting} e-mails were waiting (already tried) when it came back, {retried} were sent only on a later attempt, "
            + $"the last of them {drained.TotalSeconds:0.0} s after it came back (the stream ran on meanwhile)");
        Assert.True(lost == 0 && duplicated == 0 && unexplained == 0, $"{Scenario}: lost {lost}, duplicated {duplicated}, unexplained {unexplained}");
        Assert.True(waiting > 0, "E-mails must have waited while the server was down, or the outage proved nothing.");
    }

    /// <summary>The question each e-mail to <paramref name="address"/> links to, once per e-mail (a resent e-mail counts twice).</summary>
    private static async Task<List<string>> MailedPostsAsync(SmtpTestServer smtp, string address) =>
        (await smtp.MessagesToAsync(address)).Select(source => PostLink().Match(source).Groups[1].Value).Where(post => post.Length > 0).ToList();

    [GeneratedRegex("/posts/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})")]
    private static partial Regex PostLink();
}
