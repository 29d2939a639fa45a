namespace KnowledgeHub.Web.Api;

public sealed record PersonReference(Guid Id, string DisplayName);

public sealed record ViewerMembership(string Role, string Status);

public sealed record Community(
    Guid Id, string Slug, string Name, string Description, IReadOnlyList<string> Tags, string Visibility,
    IReadOnlyList<PersonReference> Leads, int MemberCount, ViewerMembership? Membership, long Version = 0)
{
    public bool ViewerIsLead => Membership is { Role: "lead", Status: "active" };

    public bool ViewerIsMember => Membership is { Status: "active" };
}

public sealed record Member(Guid PersonId, string DisplayName, string? Department, string Role, string Status);

public sealed record JoinResult(string Status);

public sealed record Answer(Guid Id, string Body, string? BodyHtml, Guid AuthorId, string? AuthorName, DateTimeOffset CreatedAt, bool Accepted);

public sealed record Post(
    Guid Id, Guid CommunityId, string Type, string Title, string Body, string BodyHtml, IReadOnlyList<string> Tags,
    string? AuthorName, DateTimeOffset CreatedAt, int AnswerCount, Guid? AcceptedAnswerId, int Reactions,
    DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, string? Location, string? Url, IReadOnlyList<Answer>? Answers,
    Guid AuthorId = default, long Version = 0, IReadOnlyList<SuggestedExpert>? SuggestedExperts = null);

/// <summary>Someone the Expertise service suggests could answer a question, with why.</summary>
public sealed record SuggestedExpert(Guid PersonId, string DisplayName, string Department, double Score, IReadOnlyList<string> Reasons);

public sealed record CommunityInsights(
    int Members, IReadOnlyDictionary<string, int> MembersByDepartment, int Posts30d, int Questions30d,
    double? AnswerRate, double? MedianHoursToFirstAnswer, double? CrossDepartmentShare);

/// <summary>What a Markdown body would be published as.</summary>
public sealed record MarkdownPreview(string BodyHtml);

/// <summary>A month's posts in a community, how many of them were questions, and the answers written that month.</summary>
public sealed record MonthActivity(string Month, int Posts, int Questions, int Answers);

/// <summary>A community's last twelve calendar months, oldest first (ADR 0067).</summary>
public sealed record CommunityActivity(IReadOnlyList<MonthActivity> Months);
