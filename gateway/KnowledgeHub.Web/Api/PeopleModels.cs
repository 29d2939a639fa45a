namespace KnowledgeHub.Web.Api;

// The shapes of ../shared/API.md the pages read, with only the fields they show.

internal sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

internal sealed record Department(string Code, string Name);

internal sealed record Availability(bool Mentoring, bool Consulting, int? HoursPerWeek);

internal sealed record PersonSkill(string Name, int Level, int Endorsements);

internal sealed record Person(
    Guid Id, string Email, string DisplayName, string Department, string? Title, string? Location, string? Bio,
    string? Timezone, Availability? Availability, IReadOnlyList<PersonSkill> Skills);

internal sealed record ExpertPerson(Guid Id, string DisplayName, string Department, string? Title);

internal sealed record ExpertEvidence(string Kind, string Skill, string Detail, DateTimeOffset At);

internal sealed record Expert(ExpertPerson Person, double Score, IReadOnlyList<ExpertEvidence> Evidence);

internal sealed record ExpertList(IReadOnlyList<Expert> Items);

internal sealed record MyEvidence(Guid Id, string Kind, string Skill, string Detail, DateTimeOffset At, bool Hidden);

internal sealed record SignInToken(string AccessToken, int ExpiresIn);
