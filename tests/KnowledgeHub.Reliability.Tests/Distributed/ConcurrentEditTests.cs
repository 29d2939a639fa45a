using System.Net;
using System.Net.Http.Json;
using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.Reliability.Tests.Distributed;

/// <summary>Scenario 9: two people edit the same post at the same moment from the same version.</summary>
[Collection(FaultHub.Collection)]
public sealed class Concurrent_edits(FaultHub faults)
{
    private const int Posts = 10;

    [Fact]
    public async Task Of_two_concurrent_edits_of_a_post_one_wins_the_other_gets_412_and_search_shows_the_winner_once()
    {
        faults.SkipIfUnavailable();
        var marker = FaultHub.NewMarker();
        var (author, communityId) = await faults.NewAuthorWithCommunityAsync(marker);
        var winners = new Dictionary<string, string>();
        var losers = new List<string>();
        for (var number = 1; number <= Posts; number++)
        {
            var post = await author.PostJsonAsync($"/api/communities/{communityId}/posts", new { type = "article", title = $"{marker} note {number}", body = "To be edited twice at once.", tags = new[] { "reliability" } }, HttpStatusCode.Created);
            var id = post["id"]!.GetValue<string>();
            using var read = await author.GetAsync($"/api/posts/{id}");
            var etag = read.Headers.ETag!.Tag;

            var titles = new[] { $"{marker} note {number} edited by first", $"{marker} note {number} edited by second" };
            var answers = await Task.WhenAll(titles.Select(title => EditAsync(author, id, etag, title)));
            var statuses = answers.Select(answer => answer.Status).Order().ToList();
            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.PreconditionFailed], statuses);
            winners[id] = answers.Single(answer => answer.Status == HttpStatusCode.OK).Title;
            losers.Add(answers.Single(answer => answer.Status == HttpStatusCode.PreconditionFailed).Title);
        }

        // The service and search both hold each winner's title, once; no loser's edit took effect anywhere.
        foreach (var (id, title) in winners)
        {
            Assert.Equal(title, (await author.GetJsonAsync($"/api/posts/{id}"))["title"]!.GetValue<string>());
        }

        await Eventually.AssertAsync(
            async () =>
            {
                var found = (await author.GetJsonAsync($"/api/search?q={marker}&type=post&limit=100"))["items"]!.AsArray()
                    .Select(item => (Id: item!["id"]!.GetValue<string>(), Title: item["title"]!.GetValue<string>())).ToList();
                return found.Count == Posts && found.All(item => winners.GetValueOrDefault(item.Id) == item.Title);
            },
            TimeSpan.FromSeconds(60),
            "search to show each post once with its winning title");
        FaultReport.Note($"9 concurrent edits: {Posts} pairs of edits from one version: {Posts} x 200 and {Posts} x 412; search shows the {Posts} winners once, none of the {losers.Count} losers");
    }

    private static async Task<(HttpStatusCode Status, string Title)> EditAsync(HttpClient client, string id, string etag, string title)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/posts/{id}")
        {
            Content = JsonContent.Create(new { title, body = "Edited.", tags = new[] { "reliability" } }),
        };
        request.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue(etag));
        using var response = await client.SendAsync(request);
        return (response.StatusCode, title);
    }
}
