using System.Net;
using KnowledgeHub.Contracts.Expertise;
using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.Communities.Tests;

/// <summary>Insights count what happened in the last 30 days, so these tests write the past with a movable clock.</summary>
public abstract class InsightsTests(InsightsFixture fixture)
{
    private readonly TestUser _lead = TestUser.Employee("lead", "IT");
    private readonly TestUser _finance = TestUser.Employee("finance", "FIN");
    private readonly TestUser _colleague = TestUser.Employee("colleague", "IT");

    [Fact]
    public async Task Insights_measure_the_last_30_days_of_a_community()
    {
        var lead = fixture.Host.CreateClient(_lead);
        var finance = fixture.Host.CreateClient(_finance);
        var colleague = fixture.Host.CreateClient(_colleague);
        var community = await At(TimeSpan.FromDays(-45), () => lead.CreateCommunityAsync());
        var id = community.Id();
        await finance.JoinAsync(id);
        await colleague.JoinAsync(id);
        await fixture.Host.CreateClient(TestUser.Employee("unanswered")).JoinAsync(id);

        // Outside the window: a question answered by FIN, which must not count.
        var old = await At(TimeSpan.FromDays(-40), () => lead.PublishAsync(id, CommunityApi.Question("Old")));
        await At(TimeSpan.FromDays(-40) + TimeSpan.FromHours(1), () => finance.AnswerAsync(old.Id()));
        // Inside: q1 answered after 2 h (FIN, crossing) and 3 h (IT, not crossing); q2 after 4 h (FIN, crossing); q3 open; one article.
        var q1 = await At(TimeSpan.FromDays(-10), () => lead.PublishAsync(id, CommunityApi.Question("One")));
        await At(TimeSpan.FromDays(-10) + TimeSpan.FromHours(2), () => finance.AnswerAsync(q1.Id()));
        await At(TimeSpan.FromDays(-10) + TimeSpan.FromHours(3), () => colleague.AnswerAsync(q1.Id()));
        var q2 = await At(TimeSpan.FromDays(-5), () => colleague.PublishAsync(id, CommunityApi.Question("Two")));
        await At(TimeSpan.FromDays(-5) + TimeSpan.FromHours(4), () => finance.AnswerAsync(q2.Id()));
        await At(TimeSpan.FromDays(-1), () => colleague.PublishAsync(id, CommunityApi.Question("Three")));
        await At(TimeSpan.FromDays(-2), () => finance.PublishAsync(id, CommunityApi.Article()));

        var insights = await lead.GetJsonAsync($"/api/communities/{id}/insights");

        Assert.Equal(4, insights["members"]!.GetValue<int>());
        Assert.Equal((1, 3), (insights["membersByDepartment"]!["FIN"]!.GetValue<int>(), insights["membersByDepartment"]!["IT"]!.GetValue<int>()));
        Assert.Equal((4, 3), (insights["posts30d"]!.GetValue<int>(), insights["questions30d"]!.GetValue<int>()));
        Assert.Equal(0.667, insights["answerRate"]!.GetValue<double>());
        Assert.Equal(3.0, insights["medianHoursToFirstAnswer"]!.GetValue<double>());
        Assert.Equal(0.667, insights["crossDepartmentShare"]!.GetValue<double>());
    }

    [Fact]
    public async Task Departments_come_from_the_people_directory_once_it_speaks()
    {
        var lead = fixture.Host.CreateClient(_lead);
        var colleague = fixture.Host.CreateClient(_colleague);
        var id = (await lead.CreateCommunityAsync()).Id();
        await colleague.JoinAsync(id);
        var question = await lead.PublishAsync(id, CommunityApi.Question());
        await colleague.AnswerAsync(question.Id());
        Assert.Equal(0.0, (await lead.GetJsonAsync($"/api/communities/{id}/insights"))["crossDepartmentShare"]!.GetValue<double>());

        // The directory says the colleague is in HR now, not in the IT their token claimed.
        await fixture.Host.PublishAsync(new PersonProfileChanged(_colleague.Id, _colleague.Email, _colleague.DisplayName, "HR", null, null, null, [], 1, DateTimeOffset.UtcNow));

        var insights = await Eventually.GetAsync(
            async () => await lead.GetJsonAsync($"/api/communities/{id}/insights") is var read && read["membersByDepartment"]!["HR"] is not null ? read : null,
            TimeSpan.FromSeconds(10),
            "the colleague counted in HR");
        Assert.Equal(1.0, insights["crossDepartmentShare"]!.GetValue<double>());
    }

    [Fact]
    public async Task Rates_are_null_while_there_is_nothing_to_measure()
    {
        var lead = fixture.Host.CreateClient(_lead);
        var id = (await lead.CreateCommunityAsync()).Id();
        await lead.PublishAsync(id, CommunityApi.Article());

        var insights = await lead.GetJsonAsync($"/api/communities/{id}/insights");

        Assert.Equal((1, 0), (insights["posts30d"]!.GetValue<int>(), insights["questions30d"]!.GetValue<int>()));
        Assert.Null(insights["answerRate"]);
        Assert.Null(insights["medianHoursToFirstAnswer"]);
        Assert.Null(insights["crossDepartmentShare"]);
    }

    [Fact]
    public async Task Only_leads_see_insights()
    {
        var lead = fixture.Host.CreateClient(_lead);
        var member = fixture.Host.CreateClient(_finance);
        var id = (await lead.CreateCommunityAsync()).Id();
        await member.JoinAsync(id);

        using var response = await member.GetAsync($"/api/communities/{id}/insights");

        await response.EnsureStatusAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Activity_counts_posts_questions_and_answers_per_calendar_month_for_any_reader()
    {
        var lead = fixture.Host.CreateClient(_lead);
        var finance = fixture.Host.CreateClient(_finance);
        var reader = fixture.Host.CreateClient(TestUser.Employee("reader"));
        var id = (await At(TimeSpan.FromDays(-400), () => lead.CreateCommunityAsync())).Id();
        await finance.JoinAsync(id);
        var old = await At(TimeSpan.FromDays(-400), () => lead.PublishAsync(id, CommunityApi.Question("Old")));
        var recent = await At(TimeSpan.FromDays(-40), () => lead.PublishAsync(id, CommunityApi.Question("Recent")));
        await At(TimeSpan.FromDays(-40) + TimeSpan.FromHours(1), () => finance.AnswerAsync(recent.Id()));
        // An answer counts in the month it was written, however old its question.
        await At(TimeSpan.FromDays(-10), () => finance.AnswerAsync(old.Id()));
        await At(TimeSpan.FromDays(-10), () => finance.PublishAsync(id, CommunityApi.Article()));

        var months = (await reader.GetJsonAsync($"/api/communities/{id}/activity"))["months"]!.AsArray();

        var now = DateTimeOffset.UtcNow;
        var expected = new Dictionary<string, (int Posts, int Questions, int Answers)>();
        void Add(TimeSpan offset, int posts, int questions, int answers)
        {
            var month = Month(now + offset);
            var (p, q, a) = expected.GetValueOrDefault(month);
            expected[month] = (p + posts, q + questions, a + answers);
        }

        Add(TimeSpan.FromDays(-40), 1, 1, 0);
        Add(TimeSpan.FromDays(-40) + TimeSpan.FromHours(1), 0, 0, 1);
        Add(TimeSpan.FromDays(-10), 1, 0, 1);
        Assert.Equal(
            Enumerable.Range(0, 12).Select(back => Month(now.AddMonths(back - 11))).Select(month => (month, expected.GetValueOrDefault(month))),
            months.Select(month => (
                month!["month"]!.GetValue<string>(),
                (month["posts"]!.GetValue<int>(), month["questions"]!.GetValue<int>(), month["answers"]!.GetValue<int>()))));
    }

    private static string Month(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Runs <paramref name="action"/> as if it were <paramref name="offset"/> from now.</summary>
    private async Task<T> At<T>(TimeSpan offset, Func<Task<T>> action)
    {
        fixture.Clock.Offset = offset;
        try
        {
            return await action();
        }
        finally
        {
            fixture.Clock.Offset = TimeSpan.Zero;
        }
    }
}

public sealed class Insights_on_Sqlite(SqliteInsights fixture) : InsightsTests(fixture), IClassFixture<SqliteInsights>;

public sealed class Insights_on_Postgres(PostgresInsights fixture) : InsightsTests(fixture), IClassFixture<PostgresInsights>;
