using System.Text.Json.Nodes;
using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.Web.Tests;

/// <summary>The demo organisation behind <c>Demo:Seed</c>, on a hub of its own (it would change the journeys' figures).</summary>
public sealed class DemoOrganisationTests
{
    [Fact]
    public async Task The_demo_switch_loads_people_communities_and_a_scorecard_with_unaligned_projects()
    {
        var dataPath = Directory.CreateTempSubdirectory("kh-demo-").FullName;
        try
        {
            await using var hub = WebHub.StartHub(dataPath, ("Demo__Seed", "true"));
            await hub.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
            using var visitor = await ApiCaller.SignInAsync(hub.Url, "visitor@example.com", "Visitor", "IT", "executive");

            // Projects come last, so a scorecard with both unaligned ones means the whole demo loaded.
            var scorecard = await Eventually.GetAsync(
                async () =>
                {
                    var card = await visitor.GetJsonAsync("/api/alignment/scorecard");
                    return card["projects"]!["unaligned"]!.AsArray().Count == 2 ? card : null;
                },
                TimeSpan.FromSeconds(60),
                "the demo organisation to load");

            Assert.Equal(["Intranet redesign", "Office badge readers"], Names(scorecard["projects"]!["unaligned"]!, "name").Order());
            Assert.Equal(4, scorecard["objectives"]!["total"]!.GetValue<int>());
            var communities = await visitor.GetJsonAsync("/api/communities?limit=100");
            Assert.Equal(["Customer Insight Circle", "Data & Analytics Guild", "Platform Engineering", "Security Champions"], Names(communities["items"]!, "name").Order());
            var people = await visitor.GetJsonAsync("/api/people?department=IT&limit=100");
            Assert.Contains("Ada Lovelace", Names(people["items"]!, "displayName"));
            var question = await visitor.GetJsonAsync("/api/search?q=memory%20limits&type=post");
            Assert.Contains("How do we size memory limits for .NET services on Kubernetes?", Names(question["items"]!, "title"));
        }
        finally
        {
            Directory.Delete(dataPath, recursive: true);
        }
    }

    private static IEnumerable<string> Names(JsonNode list, string field) =>
        list.AsArray().Select(item => item![field]!.GetValue<string>());
}
