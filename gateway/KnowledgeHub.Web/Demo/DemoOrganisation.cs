using System.Net;
using KnowledgeHub.Web.Api;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using static KnowledgeHub.Web.Demo.DemoData;

namespace KnowledgeHub.Web.Demo;

/// <summary>
/// Loads a demo organisation through the public API once the hub listens, when <c>Demo:Seed</c> is
/// true: departments, people with skills and endorsements, communities with posts and answers,
/// objectives and projects. A fixed seed makes it the same every time; a hub that already has it
/// (its first community exists) is left alone. It signs people in with the development sign-in.
/// </summary>
internal sealed partial class DemoOrganisation(IServiceProvider services, IHostApplicationLifetime lifetime, ILogger<DemoOrganisation> logger) : BackgroundService
{
    public const string SettingName = "Demo:Seed";
    private const string Domain = "demo.example";

    private readonly Dictionary<string, string> _tokens = [];
    private HubApi _api = null!;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using var registration = lifetime.ApplicationStarted.Register(started.SetResult);
        await started.Task.WaitAsync(stoppingToken);
        await using var scope = services.CreateAsyncScope();
        _api = scope.ServiceProvider.GetRequiredService<HubApi>();
        try
        {
            if (await SeedAsync(stoppingToken))
            {
                LogSeeded(logger, Departments.Length, FirstNames.Length, DemoData.Communities.Length, Projects.Length);
            }
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            // A demo that could not load must not take the hub down with it.
            LogFailed(logger, exception);
        }
    }

    private async Task<bool> SeedAsync(CancellationToken ct)
    {
        var admin = await TokenAsync("demo.admin", "Demo Admin", "IT", ct, "admin", "executive");
        if (admin is null)
        {
            LogNoDevSignIn(logger);
            return false;
        }

        if ((await _api.SendAsAsync<Community>(admin, HttpMethod.Get, "/api/communities/platform-engineering", null, ct)).Succeeded)
        {
            return false;
        }

        var random = new Random(Seed);
        foreach (var department in Departments)
        {
            await CallAsync(admin, HttpMethod.Put, $"/api/departments/{department.Code}", new { name = department.Name }, ct);
        }

        var people = People(random);
        await CallAsync(admin, HttpMethod.Post, "/api/people/import", people.Select(person => person.Import).ToArray(), ct);
        await EndorseAsync(people, ct);
        await CommunitiesAsync(people, ct);
        await HistoryAsync(admin, ct);
        await AlignmentAsync(admin, people, ct);
        return true;
    }

    private sealed record DemoPerson(string Handle, string Name, string Department, string[] Skills, object Import);

    private static List<DemoPerson> People(Random random)
    {
        var people = new List<DemoPerson>();
        for (var index = 0; index < FirstNames.Length; index++)
        {
            var (code, _, titles, skills) = Departments[index % Departments.Length];
            var name = $"{FirstNames[index]} {LastNames[index]}";
            var handle = $"{FirstNames[index]}.{LastNames[index]}".Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();
            var chosen = skills.OrderBy(_ => random.Next()).Take(random.Next(2, 5)).ToArray();
            var declared = chosen.Select(skill => new { name = skill, level = random.Next(2, 6) }).ToArray();
            people.Add(new DemoPerson(handle, name, code, chosen, new
            {
                email = $"{handle}@{Domain}",
                displayName = name,
                department = code,
                title = titles[random.Next(titles.Length)],
                location = Locations[random.Next(Locations.Length)],
                bio = $"{titles[0]} in {code}; ask me about {string.Join(" and ", chosen.Take(2))}.",
                skills = declared,
            }));
        }

        return people;
    }

    private async Task EndorseAsync(List<DemoPerson> people, CancellationToken ct)
    {
        for (var index = 0; index < people.Count; index += 2)
        {
            var endorser = people[index];
            var colleague = people[(index + Departments.Length) % people.Count];
            var id = (await CallAsync<Person>(await TokenOfAsync(colleague, ct), HttpMethod.Get, "/api/people/me", null, ct))!.Id;
            await CallAsync(await TokenOfAsync(endorser, ct), HttpMethod.Post, $"/api/people/{id}/endorsements",
                new { skill = colleague.Skills[0], comment = $"{endorser.Name.Split(' ')[0]} worked with {colleague.Name.Split(' ')[0]} on this." }, ct);
        }
    }

    private async Task CommunitiesAsync(List<DemoPerson> people, CancellationToken ct)
    {
        for (var number = 0; number < DemoData.Communities.Length; number++)
        {
            var plan = DemoData.Communities[number];
            var lead = people.First(person => person.Department == plan.LeadDepartment);
            var leadToken = await TokenOfAsync(lead, ct);
            var community = (await CallAsync<Community>(leadToken, HttpMethod.Post, "/api/communities",
                new { name = plan.Name, description = plan.Description, tags = plan.Tags, visibility = plan.Visibility }, ct))!;
            var members = people.Where((person, index) => person != lead && index % DemoData.Communities.Length != (number + 1) % DemoData.Communities.Length).Take(12).ToList();
            foreach (var member in members)
            {
                var joined = await CallAsync<JoinResult>(await TokenOfAsync(member, ct), HttpMethod.Post, $"/api/communities/{community.Id}/members", new { }, ct);
                if (joined?.Status == "pending" && members.IndexOf(member) % 4 != 3)
                {
                    // A closed community keeps a few requests waiting, so its lead has something to approve.
                    var id = (await CallAsync<Person>(await TokenOfAsync(member, ct), HttpMethod.Get, "/api/people/me", null, ct))!.Id;
                    await CallAsync(leadToken, HttpMethod.Put, $"/api/communities/{community.Id}/members/{id}", new { role = "member", status = "active" }, ct);
                }
            }

            await PostsAsync(community, plan, lead, members, ct);
        }
    }

    private async Task PostsAsync(Community community, CommunityPlan plan, DemoPerson lead, List<DemoPerson> members, CancellationToken ct)
    {
        for (var number = 0; number < plan.Posts.Length; number++)
        {
            var post = plan.Posts[number];
            var author = post.Type == "question" ? members[number % members.Count] : lead;
            var startsAt = post.Type == "event" ? new DateTimeOffset(2026, 12, 10, 14, 0, 0, TimeSpan.Zero) : (DateTimeOffset?)null;
            var created = (await CallAsync<Post>(await TokenOfAsync(author, ct), HttpMethod.Post, $"/api/communities/{community.Id}/posts",
                new { type = post.Type, title = post.Title, body = post.Body, tags = post.Tags, startsAt, location = startsAt is null ? null : "Auditorium and online" }, ct))!;
            Answer? first = null;
            for (var answer = 0; answer < post.Answers.Length; answer++)
            {
                var answerer = members[(number + answer + 3) % members.Count];
                var posted = await CallAsync<Answer>(await TokenOfAsync(answerer, ct), HttpMethod.Post, $"/api/posts/{created.Id}/answers", new { body = post.Answers[answer] }, ct);
                first ??= posted;
            }

            if (first is not null)
            {
                await CallAsync(await TokenOfAsync(author, ct), HttpMethod.Post, $"/api/posts/{created.Id}/accepted-answer", new { answerId = first.Id }, ct);
            }
        }
    }

    /// <summary>Months of dated answers across departments (<see cref="DemoHistory"/>), imported as a Stack Exchange history.</summary>
    private async Task HistoryAsync(string admin, CancellationToken ct)
    {
        foreach (var (code, name) in DemoHistory.Departments)
        {
            await CallAsync(admin, HttpMethod.Put, $"/api/departments/{code}", new { name }, ct);
        }

        await CallAsync(admin, HttpMethod.Post, "/api/people/import", DemoHistory.People(), ct);
        var community = (await CallAsync<Community>(admin, HttpMethod.Post, "/api/communities",
            new { name = "Ask Across the House", description = "Questions for any department, answered by whoever knows.", tags = new[] { "questions" }, visibility = "open" }, ct))!;
        using var dump = new MultipartFormDataContent
        {
            { new StringContent(DemoHistory.PostsXml(DateOnly.FromDateTime(DateTime.UtcNow))), "posts", "Posts.xml" },
            { new StringContent(DemoHistory.UsersXml()), "users", "Users.xml" },
            { new StringContent(DemoHistory.EmailTemplate), "emailTemplate" },
        };
        var import = (await CallAsync<HistoryImport>(admin, HttpMethod.Post, $"/api/communities/{community.Id}/imports/stackexchange", dump, ct))!;
        for (var wait = 0; import.Status == "running" && wait < 120; wait++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500), ct);
            import = (await CallAsync<HistoryImport>(admin, HttpMethod.Get, $"/api/imports/{import.Id}", null, ct))!;
        }

        if (import.Status != "completed")
        {
            throw new InvalidOperationException($"The demo history's import ended {import.Status}.");
        }
    }

    private sealed record HistoryImport(Guid Id, string Status);

    private async Task AlignmentAsync(string admin, List<DemoPerson> people, CancellationToken ct)
    {
        var today = DateTime.UtcNow;
        var period = $"{today.Year}-H{(today.Month <= 6 ? 1 : 2)}";
        var objectives = new List<Guid>();
        foreach (var plan in Objectives)
        {
            var keyResults = plan.KeyResults.Select(kr => new { title = kr.Title, baseline = kr.Baseline, target = kr.Target, current = kr.Current, unit = kr.Unit });
            objectives.Add((await CallAsync<Objective>(admin, HttpMethod.Post, "/api/objectives",
                new { title = plan.Title, description = plan.Description, department = plan.Department, period, priority = plan.Priority, keyResults }, ct))!.Id);
        }

        foreach (var plan in Projects)
        {
            var lead = await SponsorAsync(plan.Sponsor, people, ct);
            var project = (await CallAsync<Project>(lead, HttpMethod.Post, "/api/projects", new
            {
                name = plan.Name,
                description = plan.Description,
                sponsorDepartment = plan.Sponsor,
                partnerDepartments = plan.Partners,
                tags = plan.Tags,
                budget = new { planned = plan.Planned, actual = plan.Actual, currency = "EUR" },
                startDate = $"{today.Year}-01-01",
                endDate = $"{today.Year + 1}-06-30",
                status = plan.Status,
            }, ct))!;
            if (plan.Objective is { } objective)
            {
                await CallAsync(lead, HttpMethod.Put, $"/api/projects/{project.Id}/alignments/{objectives[objective]}",
                    new { contribution = plan.Health == "green" ? "high" : "medium", rationale = $"{plan.Name} moves this objective's key results." }, ct);
            }

            if (plan.Health is { } health)
            {
                await CallAsync(lead, HttpMethod.Post, $"/api/projects/{project.Id}/status-reports",
                    new { health, summary = health == "green" ? "On track." : "Behind plan; recovery steps agreed.", risks = health == "red" ? "Key engineers shared with another programme." : null }, ct);
            }
        }
    }

    /// <summary>Someone of the sponsoring department to create its project: one of the cast, or a colleague of the history.</summary>
    private async Task<string> SponsorAsync(string department, List<DemoPerson> people, CancellationToken ct)
    {
        if (people.FirstOrDefault(person => person.Department == department) is { } person)
        {
            return await TokenOfAsync(person, ct);
        }

        var colleague = Array.FindIndex(DemoHistory.Colleagues, colleague => colleague.Department == department);
        return await TokenAsync($"colleague-{colleague + 1}", DemoHistory.Colleagues[colleague].Name, department, ct)
            ?? throw new InvalidOperationException($"The development sign-in refused the colleague of {department}.");
    }

    private async Task<string> TokenOfAsync(DemoPerson person, CancellationToken ct) =>
        await TokenAsync(person.Handle, person.Name, person.Department, ct)
            ?? throw new InvalidOperationException($"The development sign-in refused {person.Handle}.");

    private async Task<string?> TokenAsync(string handle, string name, string department, CancellationToken ct, params string[] roles)
    {
        if (!_tokens.TryGetValue(handle, out var token))
        {
            var result = await _api.PostAnonymousAsync<SignInToken>("/api/auth/dev-login", new { email = $"{handle}@{Domain}", displayName = name, department, roles }, ct);
            if (result.Value is null)
            {
                return null;
            }

            token = _tokens[handle] = result.Value.AccessToken;
        }

        return token;
    }

    private Task CallAsync(string token, HttpMethod method, string path, object? body, CancellationToken ct) =>
        CallAsync<object>(token, method, path, body, ct);

    /// <summary>
    /// One API call. Alignment learns departments from events, so a 400 is retried for a while;
    /// a 429 waits as the gateway asks; anything else that fails stops the demo with the problem.
    /// </summary>
    private async Task<T?> CallAsync<T>(string token, HttpMethod method, string path, object? body, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var result = await _api.SendAsAsync<T>(token, method, path, body, ct);
            if (result.Succeeded)
            {
                return result.Value;
            }

            var departmentsPending = result.Status == HttpStatusCode.BadRequest && path is "/api/objectives" or "/api/projects";
            if (attempt >= 40 || !(departmentsPending || result.Status == HttpStatusCode.TooManyRequests))
            {
                throw new InvalidOperationException($"{method} {path} answered {(int)result.Status}: {result.Problem} {string.Join("; ", result.Errors.SelectMany(pair => pair.Value))}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), ct);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo organisation loaded: {Departments} departments, {People} people, {Communities} communities, {Projects} projects.")]
    private static partial void LogSeeded(ILogger logger, int departments, int people, int communities, int projects);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo:Seed is on but the development sign-in is off: the demo organisation signs its people in with it, so nothing was loaded.")]
    private static partial void LogNoDevSignIn(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "The demo organisation could not be loaded.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
