namespace KnowledgeHub.Web.Api;

// The shapes of ../shared/API.md the pages read, with only the fields they show.

public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

public sealed record Department(string Code, string Name);

public sealed record Availability(bool Mentoring, bool Consulting, int? HoursPerWeek);

public sealed record PersonSkill(string Name, int Level, int Endorsements);

public sealed record Person(
    Guid Id, string Email, string DisplayName, string Department, string? Title, string? Location, string? Bio,
    string? Timezone, Availability? Availability, IReadOnlyList<PersonSkill> Skills);

public sealed record ExpertPerson(Guid Id, string DisplayName, string Department, string? Title);

public sealed record ExpertEvidence(string Kind, string Skill, string Detail, DateTimeOffset At);

public sealed record Expert(ExpertPerson Person, double Score, IReadOnlyList<ExpertEvidence> Evidence);

public sealed record ExpertList(IReadOnlyList<Expert> Items);

public sealed record MyEvidence(Guid Id, string Kind, string Skill, string Detail, DateTimeOffset At, bool Hidden);

public sealed record SignInToken(string AccessToken, int ExpiresIn);

/// <summary>An erasure just started (<c>DELETE /api/people/me</c>).</summary>
public sealed record ErasureStarted(Guid Id);

/// <summary>How far an erasure got, service by service (<c>GET /api/erasures/{id}</c>).</summary>
public sealed record ErasureProgress(Guid Id, string Status, DateTimeOffset RequestedAt, DateTimeOffset? CompletedAt, IReadOnlyList<ErasureProgress.Service> Services)
{
    public sealed record Service(string Name, string Status, DateTimeOffset? ErasedAt);
}
