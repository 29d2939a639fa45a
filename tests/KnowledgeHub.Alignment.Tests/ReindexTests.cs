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
    public async Task A_reindex_request_is_answered_with_every_project_and_objective_as_it_is_now_and_their_count()
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
            () => Task.FromResult(ReplayOf(reindexId) is var events && events.Count == started.Total ? events : null),
            TimeSpan.FromSeconds(10),
            "every project and objective to be republished");
        Assert.Equal(projects.Order(), replay.OfType<ProjectChanged>().Select(evt => evt.ProjectId.ToString()).Order());
        Assert.Equal(objectives.Order(), replay.OfType<ObjectiveChanged>().Select(evt => evt.ObjectiveId.ToString()).Order());
        var replayedProject = replay.OfType<ProjectChanged>().Single(evt => evt.ProjectId.ToString() == project.Id());
        Assert.Equal(("Replayed, renamed", 2L), (replayedProject.Name, replayedProject.Version));
        Assert.Equal(2L, replay.OfType<ObjectiveChanged>().Single(evt => evt.ObjectiveId.ToString() == objective.Id()).Version);
    }

    [Fact]
    public async Task A_reindex_is_replayed_once_however_often_it_is_requested()
    {
        await fixture.KnowDepartmentsAsync("IT");
        await fixture.Host.CreateClient(TestUser.Employee("lead")).CreateProjectAsync(Project("Replayed once"));
        var request = new ReindexRequested(Guid.NewGuid(), DateTimeOffset.UtcNow);
        await fixture.Host.PublishAsync(request);
        var first = await fixture.Host.Events.WaitForAsync<ReindexReplayStarted>(evt => evt.ReindexId == request.ReindexId, "the first replay");

        // The same request under a new message id (a republished request) is consumed and replays nothing.
        var again = await fixture.Host.PublishAsync(request);
        await Eventually.AssertAsync(() => fixture.Host.InboxHasAsync<AlignmentDatabase>(again), TimeSpan.FromSeconds(10), "the repeated request to be consumed");
        // Replays leave in order: once a later reindex has been announced, a second replay of the first would have been too.
        var later = new ReindexRequested(Guid.NewGuid(), DateTimeOffset.UtcNow);
        await fixture.Host.PublishAsync(later);
        await fixture.Host.Events.WaitForAsync<ReindexReplayStarted>(evt => evt.ReindexId == later.ReindexId, "the later replay");

        Assert.Single(fixture.Host.Events.OfType<ReindexReplayStarted>(), evt => evt.ReindexId == request.ReindexId);
        Assert.Equal(first.Total, ReplayOf(request.ReindexId).Count);
    }

    /// <summary>The project and objective events that name <paramref name="reindexId"/> as the replay they belong to.</summary>
    private List<object> ReplayOf(Guid reindexId) =>
        fixture.Host.Events.OfType<object>()
            .Where(message => message is ProjectChanged { ReplayOf: var project } && project == reindexId
                || message is ObjectiveChanged { ReplayOf: var objective } && objective == reindexId)
            .ToList();
}

public sealed class Reindex_on_Sqlite(SqliteAlignment fixture) : ReindexTests(fixture), IClassFixture<SqliteAlignment>;

public sealed class Reindex_on_Postgres(PostgresAlignment fixture) : ReindexTests(fixture), IClassFixture<PostgresAlignment>;
