using System.Globalization;
using System.Net;
using Dapper;
using KnowledgeHub.Communities;
using KnowledgeHub.Data;
using KnowledgeHub.ServiceDefaults.Http;
using KnowledgeHub.Testing;
using Npgsql;

namespace KnowledgeHub.Benchmarks.Scale;

/// <summary>
/// A community's list of posts as it grows, all posts in the one community listed (the worst case):
/// a thousand posts, answers and reactions written through the API by ten members, then copies of
/// them, each copy a day earlier, up to each size. Read: the newest page, a page half-way down by
/// its cursor, and the most helpful page (<c>sort=top</c>).
/// </summary>
internal sealed class CommunityListCurve(IReadOnlyList<int> sizes) : IGrowthCurve
{
    private const int BasePosts = 1_000;
    private static readonly string[] Tags = ["kubernetes", "postgres", "security", "testing", "design", "budget", "hiring", "release", "onboarding", "observability", "networking", "mobile"];

    // What publishing, answering and reacting wrote, parents first.
    private static readonly CopiedTable[] PostTables =
    [
        new("posts", new Dictionary<string, string>
        {
            ["id"] = CopiedTable.NewKey("id"),
            ["accepted_answer_id"] = CopiedTable.NewKey("accepted_answer_id"),
            ["created_at"] = CopiedTable.DaysEarlier("created_at"),
            ["updated_at"] = CopiedTable.DaysEarlier("updated_at"),
        }),
        new("post_tags", new Dictionary<string, string> { ["post_id"] = CopiedTable.NewKey("post_id") }),
        new("answers", new Dictionary<string, string> { ["id"] = CopiedTable.NewKey("id"), ["post_id"] = CopiedTable.NewKey("post_id"), ["created_at"] = CopiedTable.DaysEarlier("created_at") }),
        new("post_reactions", new Dictionary<string, string> { ["post_id"] = CopiedTable.NewKey("post_id"), ["created_at"] = CopiedTable.DaysEarlier("created_at") }),
    ];

    public string Name => "community list";

    public string SizeUnit => "posts";

    public async Task<IReadOnlyList<GrowthPoint>> RunAsync(GrowthRun run)
    {
        await using var host = await ModuleTestHost.StartAsync(CommunitiesModule.Name, DatabaseProvider.Postgres, builder => builder.AddCommunities(), app => app.MapCommunities());
        var members = Enumerable.Range(0, 10).Select(index => host.CreateClient(TestUser.Employee($"member{index}"))).ToArray();
        var community = (await members[0].PostJsonAsync(
            "/api/communities",
            new { name = "Platform engineering", description = "Everything that runs our services", tags = new[] { "kubernetes" }, visibility = "open" },
            HttpStatusCode.Created))["id"]!.GetValue<string>();
        foreach (var member in members.Skip(1))
        {
            await member.PostJsonAsync($"/api/communities/{community}/members", new { }, HttpStatusCode.OK);
        }

        await WriteBaseAsync(members, community);
        var connectionString = host.PostgresConnectionString!;
        var copies = new TableCopies(connectionString, PostTables);
        await copies.KeepBaseAsync();

        var list = $"/api/communities/{community}/posts";
        return await run.AtEachSizeAsync(this, BasePosts, sizes, connectionString, members[^1], async size =>
        [
            ("newest page", [list]),
            // The cursor a reader would hold after paging half-way down, without paging there.
            ("page half-way down (cursor)", [$"{list}?cursor={await HalfWayCursorAsync(connectionString, size)}"]),
            ("most helpful page (sort=top)", [$"{list}?sort=top"]),
        ], copies);
    }

    /// <summary>A thousand posts (three in five articles, the rest questions), a third of the questions answered, some posts marked helpful.</summary>
    private static async Task WriteBaseAsync(HttpClient[] members, string community)
    {
        var random = new Random(23);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var number = 0; number < BasePosts; number++)
        {
            var author = members[number % members.Length];
            var question = random.Next(5) >= 3;
            var tags = Enumerable.Range(0, random.Next(1, 4)).Select(_ => Tags[random.Next(Tags.Length)]).Distinct().ToArray();
            var post = (await author.PostJsonAsync($"/api/communities/{community}/posts", new
            {
                type = question ? "question" : "article",
                title = question ? $"How do we handle {tags[0]} case {number}?" : $"What we learned about {tags[0]}, part {number}",
                body = $"Some *context* on {string.Join(", ", tags)}, and what we tried first. Post {number} of the benchmark.",
                tags,
            }, HttpStatusCode.Created))["id"]!.GetValue<string>();
            if (question && random.Next(3) == 0)
            {
                await members[(number + 1) % members.Length].PostJsonAsync($"/api/posts/{post}/answers", new { body = "We use a **runbook** for that." }, HttpStatusCode.Created);
            }

            // Helpful marks are few on most posts and many on a few.
            foreach (var reader in members.Take((int)(members.Length * Math.Pow(random.NextDouble(), 3))))
            {
                await reader.PostJsonAsync($"/api/posts/{post}/reactions", new { kind = "helpful" }, HttpStatusCode.OK);
            }
        }

        Console.WriteLine($"  base: {BasePosts:N0} posts with their answers and reactions through the API in {clock.Elapsed.TotalSeconds:0} s");
    }

    private static async Task<string> HalfWayCursorAsync(string connectionString, int size)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        var post = await connection.QuerySingleAsync<(DateTime CreatedAt, Guid Id)>(
            "SELECT created_at, id FROM posts ORDER BY created_at DESC, id DESC OFFSET @Offset LIMIT 1", new { Offset = size / 2 });
        return PageRequest.Encode(new DateTimeOffset(post.CreatedAt, TimeSpan.Zero).ToString("O", CultureInfo.InvariantCulture), post.Id.ToString());
    }
}
