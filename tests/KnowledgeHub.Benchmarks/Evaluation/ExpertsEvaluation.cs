using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KnowledgeHub.Benchmarks.Load;
using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.Testing;

namespace KnowledgeHub.Benchmarks.Evaluation;

/// <summary>
/// <c>experts-eval FILE...</c>: the protocol of shared/evaldata/README.md through the public API of a
/// standalone hub started as a process. Per file: the past 70 % is written to a temporary Posts.xml and
/// imported with <c>POST /api/communities/{id}/imports/stackexchange</c>; once Expertise has the evidence,
/// each usable future question is asked of <c>GET /api/experts</c> three ways (title; title and body; tags),
/// leaving the asker out with <c>exclude</c>, and scored beside the three baselines; how long each kind of question
/// took is printed with them.
/// </summary>
internal static partial class ExpertsEvaluation
{
    private const string EmailTemplate = "se-{id}@import.invalid";

    public static async Task RunAsync(IReadOnlyList<string> files)
    {
        var lines = new List<string>();
        foreach (var file in files)
        {
            lines.AddRange(await EvaluateAsync(file));
        }

        Console.WriteLine();
        Console.WriteLine("set              usable  ranker                 MRR  hit@1  hit@5");
        foreach (var line in lines)
        {
            Console.WriteLine(line);
        }
    }

    private static async Task<IReadOnlyList<string>> EvaluateAsync(string file)
    {
        var name = Path.GetFileName(file).Split('.')[0];
        var history = QaHistory.Load(file);
        var usable = history.Usable();
        var data = Directory.CreateTempSubdirectory("kh-experts-eval-");
        var past = Path.Combine(data.FullName, "past.Posts.xml");
        history.WritePast(past);
        try
        {
            var hubData = Path.Combine(data.FullName, "hub");
            await using var hub = Hubs.Standalone(hubData);
            hub.Start();
            await hub.WaitUntilReadyAsync(TimeSpan.FromSeconds(120));
            using var admin = await Hubs.SignInAsync(hub.Url, "eval.admin@example.com", "IT", "admin");
            var community = await admin.PostJsonAsync(
                "/api/communities", new { name = $"{name} history", description = $"The past of {name}", tags = Array.Empty<string>(), visibility = "open" }, HttpStatusCode.Created);

            var clock = Stopwatch.StartNew();
            var status = await ImportAsync(admin, community["id"]!.GetValue<string>(), past);
            var imported = clock.Elapsed;
            Console.WriteLine(FormattableString.Invariant(
                $"{name}: imported {status["questions"]} questions, {status["answers"]} answers, {status["acceptedAnswers"]} accepted, {status["people"]} people in {imported.TotalSeconds:0.0} s ({status["rejected"]!.AsArray().Count} rejected)"));
            await WaitForEvidenceAsync(admin, name, history, hubData, clock);
            Console.WriteLine(FormattableString.Invariant($"{name}: evidence settled {clock.Elapsed.TotalSeconds:0.0} s after the import started"));

            var (title, titleAndBody, tags) = (new Scores(), new Scores(), new Scores());
            var (byTags, popularity, recent) = (new Scores(), new Scores(), new Scores());
            var baselines = new Baselines(history);
            var (askedTitle, askedTitleAndBody, askedTags) = (new List<double>(), new List<double>(), new List<double>());
            foreach (var (question, expert) in usable)
            {
                var exclude = question.Asker is { } asker ? PersonOf(asker) : Guid.Empty;
                var expected = PersonOf(expert);
                title.Add(await AskAsync(admin, question.Title, exclude, askedTitle), expected);
                titleAndBody.Add(await AskAsync(admin, Truncate($"{question.Title}\n{PlainText(question.Body)}"), exclude, askedTitleAndBody), expected);
                tags.Add(await AskAsync(admin, string.Join(' ', question.Tags), exclude, askedTags), expected);
                byTags.Add(baselines.Tags(question), expert);
                popularity.Add(baselines.Popularity(question), expert);
                recent.Add(baselines.RecentActivity(question), expert);
            }

            string Line(string ranker, Scores scores) => $"{name,-16} {usable.Count,6}  {ranker,-20} {scores}";
            return
            [
                Line("hub, title", title), Line("hub, title and body", titleAndBody), Line("hub, tags", tags),
                Line("baseline tags", byTags), Line("baseline popularity", popularity), Line("baseline recent", recent),
                FormattableString.Invariant($"{name,-16} {"",6}  import {imported.TotalSeconds:0.0} s; asked one at a time through the gateway:"),
                $"{name,-16} {"",6}    title           {new Latencies(askedTitle)}",
                $"{name,-16} {"",6}    title and body  {new Latencies(askedTitleAndBody)}",
                $"{name,-16} {"",6}    tags            {new Latencies(askedTags)}",
            ];
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    private static async Task<JsonNode> ImportAsync(HttpClient admin, string communityId, string postsPath)
    {
        using var form = new MultipartFormDataContent();
        using var posts = new StreamContent(File.OpenRead(postsPath));
        posts.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
        form.Add(posts, "posts", "Posts.xml");
        form.Add(new StringContent(EmailTemplate), "emailTemplate");
        using var response = await admin.PostAsync($"/api/communities/{communityId}/imports/stackexchange", form);
        await response.EnsureStatusAsync(HttpStatusCode.Accepted);
        var location = response.Headers.Location!.ToString();
        // A large history imports for minutes: give up only when its counts stop moving.
        var (seen, deadline) = ("", DateTime.UtcNow + TimeSpan.FromMinutes(10));
        while (true)
        {
            var status = await admin.GetJsonAsync(location);
            switch (status["status"]!.GetValue<string>())
            {
                case "completed":
                    return status;
                case "failed":
                    throw new InvalidOperationException($"The import failed: {status["error"]}");
                default:
                    var now = status.ToJsonString();
                    if (now != seen)
                    {
                        (seen, deadline) = (now, DateTime.UtcNow + TimeSpan.FromMinutes(10));
                    }
                    else if (DateTime.UtcNow > deadline)
                    {
                        throw new TimeoutException($"The import made no progress for 10 minutes: {now}");
                    }

                    await Task.Delay(100);
                    break;
            }
        }
    }

    /// <summary>
    /// Expertise takes the import's events in the background; the public API does not say when it has them all,
    /// so this waits until every event is published (<see cref="StandaloneOutboxes"/>) and the experts for two
    /// questions stop changing for three seconds: the newest past question's tags (once someone answers for them),
    /// and the past's five commonest tags, whose experts are the most active people and change with almost any
    /// evidence still arriving. A larger site takes minutes: a line every 30 s says it is still settling, and a
    /// history that has not settled an hour after its import is measured as it is, with a warning.
    /// </summary>
    private static async Task WaitForEvidenceAsync(HttpClient client, string name, QaHistory history, string hubData, Stopwatch clock)
    {
        var commonest = history.Past.SelectMany(question => question.Tags).CountBy(tag => tag).OrderByDescending(tag => tag.Value).Take(5).Select(tag => tag.Key);
        string[] probes =
        [
            $"/api/experts?limit=100&q={Uri.EscapeDataString(string.Join(' ', history.Past[^1].Tags.DefaultIfEmpty(history.Past[^1].Title)))}",
            $"/api/experts?limit=100&q={Uri.EscapeDataString(string.Join(' ', commonest.DefaultIfEmpty(history.Past[^1].Title)))}",
        ];
        var (last, stable) = ("", 0);
        var (deadline, report) = (clock.Elapsed + TimeSpan.FromHours(1), clock.Elapsed + TimeSpan.FromSeconds(30));
        while (stable < 6)
        {
            if (clock.Elapsed > deadline)
            {
                Console.WriteLine($"{name}: WARNING: the evidence was still changing an hour after the import; measured as it is.");
                return;
            }

            var unpublished = await StandaloneOutboxes.UnpublishedAsync(hubData);
            if (clock.Elapsed > report)
            {
                Console.WriteLine(FormattableString.Invariant($"{name}: evidence still arriving, {clock.Elapsed.TotalSeconds:0} s after the import started ({unpublished} events not yet published)"));
                report = clock.Elapsed + TimeSpan.FromSeconds(30);
            }

            var answers = new List<string>();
            foreach (var probe in probes)
            {
                answers.Add((await client.GetJsonAsync(probe)).ToJsonString());
            }

            var now = string.Join('\n', answers);
            (last, stable) = (now, now == last && unpublished == 0 && answers[0].Contains("\"person\"", StringComparison.Ordinal) ? stable + 1 : 0);
            await Task.Delay(500);
        }
    }

    private static async Task<IReadOnlyList<Guid>> AskAsync(HttpClient client, string question, Guid exclude, List<double> latencies)
    {
        var started = Stopwatch.GetTimestamp();
        var answer = await client.GetJsonAsync($"/api/experts?limit={Scores.Cutoff}&exclude={exclude}&q={Uri.EscapeDataString(question)}");
        latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        // Also left out here, so that a hub without 'exclude' (the ranker before ADR 0043) is measured the same way.
        return answer["items"]!.AsArray().Select(item => Guid.Parse(item!["person"]!["id"]!.GetValue<string>())).Where(person => person != exclude).ToList();
    }

    private static Guid PersonOf(long userId) => PersonIds.FromEmail(EmailTemplate.Replace("{id}", userId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));

    private static string PlainText(string html) => WebUtility.HtmlDecode(Markup().Replace(html, " "));

    private static string Truncate(string text) => text.Length <= 2000 ? text : text[..2000];

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Markup();
}
