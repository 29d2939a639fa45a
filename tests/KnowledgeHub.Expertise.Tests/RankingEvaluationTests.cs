using System.Globalization;
using System.Net;
using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.Expertise.Tests;

/// <summary>
/// Measures GET /api/experts against a generated organisation with known experts: mean reciprocal
/// rank (1 / the rank of the first real expert, 0 beyond ten) and precision at five (real experts
/// among the first five), averaged over the skills, for the ranking and for the plain baseline that
/// ranks people by how many answers they gave on the tag. docs/expertise-ranking.md reports them.
/// </summary>
public abstract class RankingEvaluationTests(ExpertiseFixture fixture)
{
    private const int Seed = 20260501;
    private const int Depth = 10;

    [Fact]
    public async Task The_ranking_finds_the_real_experts_better_than_counting_answers()
    {
        var organisation = new GeneratedOrganisation(Seed, DateTimeOffset.UtcNow);
        var admin = fixture.Host.CreateClient(TestUser.Admin());
        await admin.PostJsonAsync("/api/people/import", organisation.ImportRows, HttpStatusCode.OK);
        var published = await fixture.DeliverAllAsync(organisation.Events);

        Assert.All(published, id => Assert.Null(fixture.Consumed.FaultOf(id)));
        var ranking = new List<(double Reciprocal, double Precision)>();
        var baseline = new List<(double Reciprocal, double Precision)>();
        foreach (var tag in GeneratedOrganisation.Tags)
        {
            var experts = organisation.ExpertsIn(tag);
            var ranked = (await admin.GetJsonAsync($"/api/experts?skill={tag}&limit={Depth}"))["items"]!.AsArray()
                .Select(item => Guid.Parse(item!["person"]!["id"]!.GetValue<string>()))
                .ToList();
            var byAnswers = organisation.AnswerCounts.Where(entry => entry.Key.Tag == tag)
                .OrderByDescending(entry => entry.Value)
                .ThenBy(entry => entry.Key.Person)
                .Select(entry => entry.Key.Person)
                .Take(Depth)
                .ToList();
            ranking.Add(Measure(ranked, experts));
            baseline.Add(Measure(byAnswers, experts));
        }

        var (rankingMrr, rankingPrecision) = (ranking.Average(score => score.Reciprocal), ranking.Average(score => score.Precision));
        var (baselineMrr, baselinePrecision) = (baseline.Average(score => score.Reciprocal), baseline.Average(score => score.Precision));
        var report = string.Create(
            CultureInfo.InvariantCulture,
            $"Ranking evaluation ({fixture.Provider}, {organisation.Events.Count} events, {GeneratedOrganisation.Tags.Count} skills): "
            + $"ranking MRR {rankingMrr:0.000}, P@5 {rankingPrecision:0.000}; baseline (most answers) MRR {baselineMrr:0.000}, P@5 {baselinePrecision:0.000}");
        TestContext.Current.TestOutputHelper?.WriteLine(report);
        TestContext.Current.SendDiagnosticMessage(report);

        Assert.True(rankingMrr >= baselineMrr, report);
        Assert.True(rankingPrecision > baselinePrecision, report);
    }

    private static (double Reciprocal, double Precision) Measure(IReadOnlyList<Guid> ranked, IReadOnlySet<Guid> experts)
    {
        var first = ranked.Take(Depth).ToList().FindIndex(experts.Contains);
        return (first < 0 ? 0 : 1.0 / (first + 1), ranked.Take(5).Count(experts.Contains) / 5.0);
    }
}

public sealed class Ranking_evaluation_on_Sqlite(SqliteExpertise fixture) : RankingEvaluationTests(fixture), IClassFixture<SqliteExpertise>;

public sealed class Ranking_evaluation_on_Postgres(PostgresExpertise fixture) : RankingEvaluationTests(fixture), IClassFixture<PostgresExpertise>;
