using KnowledgeHub.Alignment.Features.Reminders;
using KnowledgeHub.Contracts.Alignment;
using KnowledgeHub.Testing;
using Xunit;
using static KnowledgeHub.Alignment.Tests.AlignmentApi;

namespace KnowledgeHub.Alignment.Tests;

/// <summary>Reminders of what people owe: a status report past the stale window, a key-result check-in past the check-in window.</summary>
public abstract class ReminderTests(AlignmentFixture fixture)
{
    [Fact]
    public async Task A_stale_project_and_a_quiet_key_result_are_reminded_once_per_window_however_many_instances_look()
    {
        await fixture.KnowDepartmentsAsync("IT");
        var (lead, owner) = (TestUser.Employee("lead"), TestUser.Employee("owner"));
        await fixture.KnowPeopleAsync(lead, owner);
        // Signed in before the clock moves: tokens are checked against the wall clock.
        var (leadClient, executive) = (fixture.Host.CreateClient(lead), fixture.Host.CreateClient(TestUser.Executive()));
        // The scenario's own dates (a quarter of 2026-H1), whatever today is.
        MoveTo(new DateTimeOffset(2026, 4, 1, 12, 0, 0, TimeSpan.Zero));
        var stale = Guid.Parse((await leadClient.CreateProjectAsync(Project("Stale platform"))).Id());
        var reported = Guid.Parse((await leadClient.CreateProjectAsync(Project("Reported platform"))).Id());
        var objective = await executive.CreateObjectiveAsync(new
        {
            title = "Keep the lights on",
            description = "Uptime",
            department = "IT",
            period = "2026-H1",
            priority = 2,
            owners = new[] { owner.Id },
            keyResults = new[] { new { title = "Uptime", baseline = 90m, target = 99m, current = 95m, unit = "%" } },
        });
        MoveTo(new DateTimeOffset(2026, 5, 10, 12, 0, 0, TimeSpan.Zero));
        await leadClient.ReportAsync(reported.ToString(), "green");
        var reminders = fixture.Host.Get<DueReminders>();

        await Task.WhenAll(reminders.PublishDueAsync(CancellationToken.None), reminders.PublishDueAsync(CancellationToken.None));
        await reminders.PublishDueAsync(CancellationToken.None);

        var due = await fixture.Host.Events.WaitForAsync<ProjectStatusReportDue>(message => message.ProjectId == stale, "the stale project's reminder");
        Assert.Equal(("Stale platform", lead.Id, null), (due.ProjectName, due.LeadId, due.LastReportedAt));
        var checkIn = await fixture.Host.Events.WaitForAsync<KeyResultCheckInDue>(message => message.ObjectiveId == Guid.Parse(objective.Id()), "the key result's reminder");
        Assert.Equal(("Uptime", "Keep the lights on"), (checkIn.KeyResultTitle, checkIn.ObjectiveTitle));
        Assert.Equal([owner.Id], checkIn.Owners);
        // The reminders of one pass leave in one transaction: the reported project's would be here by now.
        Assert.DoesNotContain(fixture.Host.Events.OfType<ProjectStatusReportDue>(), message => message.ProjectId == reported);

        // A window on, still nothing: reminded again, once.
        MoveTo(new DateTimeOffset(2026, 6, 15, 12, 0, 0, TimeSpan.Zero));
        await Task.WhenAll(reminders.PublishDueAsync(CancellationToken.None), reminders.PublishDueAsync(CancellationToken.None));
        await Eventually.AssertAsync(
            () => Task.FromResult(fixture.Host.Events.OfType<ProjectStatusReportDue>().Count(message => message.ProjectId == stale) == 2
                && fixture.Host.Events.OfType<KeyResultCheckInDue>().Count(message => message.KeyResultId == checkIn.KeyResultId) == 2),
            TimeSpan.FromSeconds(10),
            "a second reminder of each");
        Assert.Equal(2, fixture.Host.Events.OfType<ProjectStatusReportDue>().Where(message => message.ProjectId == stale).Select(message => message.DueSince).Distinct().Count());
        fixture.Clock.Offset = TimeSpan.Zero;
    }

    [Fact]
    public async Task Claims_of_windows_that_have_passed_are_deleted_and_the_current_window_is_still_reminded_once()
    {
        await fixture.KnowDepartmentsAsync("IT");
        var lead = TestUser.Employee("pruned");
        await fixture.KnowPeopleAsync(lead);
        var leadClient = fixture.Host.CreateClient(lead);
        MoveTo(new DateTimeOffset(2027, 1, 1, 12, 0, 0, TimeSpan.Zero));
        var project = (await leadClient.CreateProjectAsync(Project("Forgotten platform"))).Id();
        var (reminders, spent) = (fixture.Host.Get<DueReminders>(), fixture.Host.Get<SpentReminders>());
        // Windows of 30 days from creation: the first begins on 31 January, the fourth on 1 May.
        MoveTo(new DateTimeOffset(2027, 2, 5, 12, 0, 0, TimeSpan.Zero));
        await reminders.PublishDueAsync(CancellationToken.None);
        MoveTo(new DateTimeOffset(2027, 5, 10, 12, 0, 0, TimeSpan.Zero));
        await reminders.PublishDueAsync(CancellationToken.None);

        var deleted = await spent.DeleteAsync(CancellationToken.None);

        Assert.True(deleted >= 1, "The claim of the January window is spent.");
        Assert.Equal(0, await reminders.PublishDueAsync(CancellationToken.None));
        await using var session = await fixture.Host.Get<AlignmentDatabase>().OpenSessionAsync();
        // The May window's claim, which held off the third pass.
        Assert.Equal(1, await session.ScalarAsync<long>("SELECT count(*) FROM due_reminders WHERE subject = @Subject", new { Subject = $"project:{project}" }));
        fixture.Clock.Offset = TimeSpan.Zero;
    }

    private void MoveTo(DateTimeOffset instant) => fixture.Clock.Offset = instant - DateTimeOffset.UtcNow;
}

public sealed class Reminders_on_Sqlite(SqliteAlignment fixture) : ReminderTests(fixture), IClassFixture<SqliteAlignment>;

public sealed class Reminders_on_Postgres(PostgresAlignment fixture) : ReminderTests(fixture), IClassFixture<PostgresAlignment>;
