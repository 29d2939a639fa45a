using KnowledgeHub.Web.Api;

namespace KnowledgeHub.Web.Components;

/// <summary>A month's posts in a community, and how many of them were questions.</summary>
public sealed record MonthActivity(string Month, int Posts, int Questions);

/// <summary>
/// A community's posts per month over the last year, counted from its post list, newest first (the API
/// has no route that counts them). At most <see cref="MaxPosts"/> posts are read, so a very busy
/// community's chart says where it stops counting.
/// </summary>
internal static class CommunityActivity
{
    public const int Months = 12;
    public const int PageSize = 100;
    public const int MaxPosts = 5 * PageSize;

    /// <summary>The last <see cref="Months"/> months, oldest first, and whether the count stopped at <see cref="MaxPosts"/>.</summary>
    public static async Task<(IReadOnlyList<MonthActivity> Months, bool Partial)?> ReadAsync(HubApi api, Guid communityId, DateTimeOffset now)
    {
        var first = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1 - Months);
        var posts = new List<Post>();
        var cursor = "";
        while (true)
        {
            var page = (await api.GetAsync<Page<Post>>($"/api/communities/{communityId}/posts?sort=new&limit={PageSize}{cursor}")).Value;
            if (page is null)
            {
                return null;
            }

            posts.AddRange(page.Items.Where(post => post.CreatedAt >= first));
            var older = page.Items.Count == 0 || page.Items[^1].CreatedAt < first;
            if (page.NextCursor is null || older)
            {
                return (Count(posts, first), false);
            }

            if (posts.Count >= MaxPosts)
            {
                return (Count(posts, first), true);
            }

            cursor = "&cursor=" + Uri.EscapeDataString(page.NextCursor);
        }
    }

    private static List<MonthActivity> Count(List<Post> posts, DateTimeOffset first) =>
        Enumerable.Range(0, Months)
            .Select(offset => first.AddMonths(offset))
            .Select(month =>
            {
                var inMonth = posts.Where(post => post.CreatedAt.UtcDateTime.Year == month.Year && post.CreatedAt.UtcDateTime.Month == month.Month).ToList();
                return new MonthActivity(month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), inMonth.Count, inMonth.Count(post => post.Type == "question"));
            })
            .ToList();
}
