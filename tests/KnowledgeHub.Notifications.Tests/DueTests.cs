using KnowledgeHub.Contracts.Alignment;
using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.Notifications.Tests;

/// <summary>What people owe, as Alignment announces it: a project's lead a status report, a key result's owners a check-in; once per window.</summary>
public abstract class DueTests(NotificationsFixture fixture)
{
    [Fact]
    public async Task A_lead_is_told_a_status_report_is_due_once_per_window()
    {
        var lead = TestUser.Employee("lead");
        await fixture.KnowPeopleAsync(lead);
        var project = Guid.NewGuid();
        var created = DateTimeOffset.UtcNow.AddDays(-70);
        var due = new ProjectStatusReportDue(project, "Payments platform", lead.Id, null, created.AddDays(30));

        var messageId = await fixture.Host.PublishAsync(due);
        await fixture.Host.PublishAsync(due, messageId);
        await fixture.Host.PublishAsync(due);
        var client = fixture.Host.CreateClient(lead);
        var first = Assert.Single(await client.WaitForAsync("status-report-due"));
        Assert.Equal(("A status report is due for Payments platform", $"/projects/{project}"), (first.Text("title"), first.Text("url")));
        await fixture.Host.PublishAsync(due with { DueSince = created.AddDays(60) });

        Assert.Equal(2, (await client.WaitForAsync("status-report-due", 2)).Count);
    }

    [Fact]
    public async Task Every_owner_of_a_key_result_is_told_a_check_in_is_due_once()
    {
        var (owner, coOwner, other) = (TestUser.Employee("owner"), TestUser.Employee("coowner"), TestUser.Employee("other"));
        await fixture.KnowPeopleAsync(owner, coOwner, other);
        var objective = Guid.NewGuid();
        var due = new KeyResultCheckInDue(objective, Guid.NewGuid(), "Keep the lights on", "Uptime", [owner.Id, coOwner.Id], DateTimeOffset.UtcNow.AddDays(-20), DateTimeOffset.UtcNow.AddDays(-6));

        await fixture.Host.PublishAsync(due);
        await fixture.Host.PublishAsync(due);

        var told = Assert.Single(await fixture.Host.CreateClient(owner).WaitForAsync("check-in-due"));
        Assert.Equal(("A check-in is due for Uptime (Keep the lights on)", $"/objectives/{objective}"), (told.Text("title"), told.Text("url")));
        Assert.Single(await fixture.Host.CreateClient(coOwner).WaitForAsync("check-in-due"));
        Assert.Empty(await fixture.Host.CreateClient(other).OfKindAsync("check-in-due"));
    }
}

public sealed class Due_on_Sqlite(SqliteNotifications fixture) : DueTests(fixture), IClassFixture<SqliteNotifications>;

public sealed class Due_on_Postgres(PostgresNotifications fixture) : DueTests(fixture), IClassFixture<PostgresNotifications>;
