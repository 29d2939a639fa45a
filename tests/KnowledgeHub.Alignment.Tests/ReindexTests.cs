using System.Net;
using KnowledgeHub.Contracts.Alignment;
using KnowledgeHub.Contracts.Search;
using KnowledgeHub.Testing;
using Xunit;
using static KnowledgeHub.Alignment.Tests.AlignmentApi;

namespace KnowledgeHub.Alignment.Tests;

public abstract class ReindexTests(AlignmentFixture fixture)
{
    [Fact]
    public async Task A_reindex_request_is_answered_with_the_count_and_then_every_project_and_objective_as_it_is_now()
    {
        await fixture.KnowDepartmentsAsync("IT");
        var lead = fixture.Host.CreateClient(TestUser.Employee("lead"));
        var executive = fixture.Host.CreateClient(TestUser.Executive());
        var project = await lead.CreateProjectAsync(Project("Replayed"));
        await lead.PutJsonAsync($"/api/projects/{project.Id()}", Project("Replayed, renamed"), HttpStatusCode.OK);
        var objective = await executive.CreateObjectiveAsync(Objective("Replayed objective"));
        await executive.PutJsonAsync($"/api/objectives/{objective.Id()}/key-results/{objective["keyResults"]![0]!.Id()}", new { current = 50m }, HttpStatusCode.OK);
        var projects = (await lead.GetJsonAsync("/api/projects?limit=100")).Ids();
        var objectives = (await lead.GetJsonAsync("/api/objectives?limit=100")).Ids();
        var reindexId = Guid.NewGuid();

        await fixture.Host.PublishAsync(new ReindexRequested(reindexId, DateTimeOffset.UtcNow));

        var started = await fixture.Host.Events.WaitForAsync<ReindexReplayStarted>(evt => evt.ReindexId == reindexId, "ReindexReplayStarted");
        Assert.Equal(("alignment", projects.Count + objectives.Count), (started.Service, started.Total));
        var replay = await Eventually.GetAsync(
            () => Task.FromResult(ReplayAfter(reindexId) is var events && events.Count == started.Total ? events : null),
            TimeSpan.FromSeconds(10),
            "every project and objective to be republished");
        Assert.Equal(projects.Order(), replay.OfType<ProjectChanged>().Select(evt => evt.ProjectId.ToString()).Order());
        Assert.Equal(objectives.Order(), replay.OfType<ObjectiveChanged>().Select(evt => evt.ObjectiveId.ToString()).Order());
        var replayedProject = replay.OfType<ProjectChanged>().Single(evt => evt.ProjectId.ToString() == project.Id());
        Assert.Equal(("Replayed, renamed", 2L), (replayedProject.Name, replayedProject.Version));
        Assert.Equal(2L, replay.OfType<ObjectiveChanged>().Single(evt => evt.ObjectiveId.ToString() == objective.Id()).Version);
    }

    /// <summary>The project and objective events published after the reindex's announcement, in order.</summary>
    private List<object> ReplayAfter(Guid reindexId) =>
        fixture.Host.Events.WithIds<object>()
            .Select(entry => entry.Message)
            .SkipWhile(message => message is not ReindexReplayStarted started || started.ReindexId != reindexId)
            .Where(message => message is ProjectChanged or ObjectiveChanged)
            .ToList();
}

public sealed class Reindex_on_Sqlite(SqliteAlignment fixture) : ReindexTests(fixture), IClassFixture<SqliteAlignment>;

public sealed class Reindex_on_Postgres(PostgresAlignment fixture) : ReindexTests(fixture), IClassFixture<PostgresAlignment>;
