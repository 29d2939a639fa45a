using KnowledgeHub.Contracts.Alignment;
using KnowledgeHub.Contracts.Communities;
using KnowledgeHub.ServiceDefaults.Auth;

namespace KnowledgeHub.Expertise.Tests;

/// <summary>
/// A seeded, reproducible organisation whose real expertise is known, and the activity it would
/// leave behind in the other services: questions answered (well or not), answers accepted,
/// articles, project work and self-declared skills. Who really knows a skill today is the ground
/// truth the ranking is measured against.
/// <list type="bullet">
/// <item>Experts answer often, are accepted most, write, and join projects; half declare the skill.</item>
/// <item>Practitioners answer now and then and sometimes overclaim when they declare.</item>
/// <item>Enthusiasts answer (and write) more than anyone but are rarely accepted, and declare high levels.</item>
/// <item>Former experts did all of that three to five years ago and still declare level 5.</item>
/// </list>
/// </summary>
public sealed class GeneratedOrganisation
{
    public static readonly IReadOnlyList<string> Tags = ["kubernetes", "python", "react", "postgresql", "terraform", "kafka"];

    private const int People = 150;
    private const int RecentQuestionsPerSkill = 25;
    private const int OldQuestionsPerSkill = 10;
    private const int ProjectsPerSkill = 4;

    private readonly int _seed;
    private readonly Random _random;
    private readonly DateTimeOffset _now;
    private readonly Dictionary<(int Person, string Tag), Role> _roles = [];

    public GeneratedOrganisation(int seed, DateTimeOffset now)
    {
        _seed = seed;
        _random = new Random(seed);
        _now = now;
        Emails = Enumerable.Range(0, People).Select(index => $"eval.{seed}.{index:000}@example.com").ToList();
        foreach (var tag in Tags)
        {
            var shuffled = Enumerable.Range(0, People).OrderBy(_ => _random.Next()).ToList();
            Assign(tag, shuffled.Take(6), Role.Expert);
            Assign(tag, shuffled.Skip(6).Take(14), Role.Practitioner);
            Assign(tag, shuffled.Skip(20).Take(4), Role.Enthusiast);
            Assign(tag, shuffled.Skip(24).Take(3), Role.FormerExpert);
        }

        Generate();
    }

    private enum Role
    {
        None,
        Practitioner,
        Enthusiast,
        FormerExpert,
        Expert,
    }

    public IReadOnlyList<string> Emails { get; }

    public List<object> Events { get; } = [];

    /// <summary>Answers given per person and tag: what the plain baseline ranks by.</summary>
    public Dictionary<(Guid Person, string Tag), int> AnswerCounts { get; } = [];

    public IReadOnlyList<object> ImportRows => Enumerable.Range(0, People).Select(person => (object)new
    {
        email = Emails[person],
        displayName = $"Person {person:000}",
        department = $"D{person % 5}",
        skills = Tags.Select(tag => (tag, level: DeclaredLevel(person, tag))).Where(skill => skill.level > 0)
            .Select(skill => new { name = skill.tag, level = skill.level }).ToList(),
    }).ToList();

    public Guid IdOf(int person) => PersonIds.FromEmail(Emails[person]);

    /// <summary>Who really knows the skill today.</summary>
    public IReadOnlySet<Guid> ExpertsIn(string tag) =>
        _roles.Where(entry => entry.Key.Tag == tag && entry.Value == Role.Expert).Select(entry => IdOf(entry.Key.Person)).ToHashSet();

    private Role RoleOf(int person, string tag) => _roles.GetValueOrDefault((person, tag));

    private void Assign(string tag, IEnumerable<int> people, Role role)
    {
        foreach (var person in people)
        {
            _roles[(person, tag)] = role;
        }
    }

    private int DeclaredLevel(int person, string tag)
    {
        // Drawn from a generator of its own so that the declarations never shift the activity.
        var random = new Random((_seed * 7919) + (person * 31) + Tags.ToList().IndexOf(tag));
        return RoleOf(person, tag) switch
        {
            Role.Expert => random.NextDouble() < 0.5 ? random.Next(4, 6) : 0,
            Role.Practitioner => random.NextDouble() < 0.5 ? random.Next(2, 5) : 0,
            Role.Enthusiast => random.NextDouble() < 0.6 ? random.Next(3, 6) : 0,
            Role.FormerExpert => random.NextDouble() < 0.7 ? 5 : 0,
            _ => random.NextDouble() < 0.03 ? random.Next(1, 4) : 0,
        };
    }

    private void Generate()
    {
        foreach (var tag in Tags)
        {
            for (var question = 0; question < RecentQuestionsPerSkill; question++)
            {
                Question(tag, _now.AddDays(-_random.Next(1, 730)), recent: true);
            }

            for (var question = 0; question < OldQuestionsPerSkill; question++)
            {
                Question(tag, _now.AddDays(-_random.Next(3 * 365, 5 * 365)), recent: false);
            }

            for (var project = 0; project < ProjectsPerSkill; project++)
            {
                Project(tag, project, recent: project > 0);
            }

            for (var person = 0; person < People; person++)
            {
                Articles(person, tag);
            }
        }
    }

    private void Question(string tag, DateTimeOffset askedAt, bool recent)
    {
        var asker = _random.Next(People);
        var postId = Guid.NewGuid();
        var answers = new List<(AnswerPosted Answer, double Quality)>();
        for (var person = 0; person < People; person++)
        {
            var role = RoleOf(person, tag);
            var (answerChance, quality) = (role, recent) switch
            {
                (Role.Expert, true) => (0.30, 8.0),
                (Role.Expert, false) => (0.10, 8.0),
                (Role.Practitioner, _) => (0.12, 3.0),
                (Role.Enthusiast, true) => (0.45, 1.0),
                (Role.FormerExpert, false) => (0.60, 8.0),
                (Role.FormerExpert, true) => (0.02, 3.0),
                _ => (0.01, 0.5),
            };
            if (person == asker || _random.NextDouble() >= answerChance)
            {
                continue;
            }

            var answer = new AnswerPosted(
                Guid.NewGuid(), postId, Guid.NewGuid(), "open", IdOf(person), null, IdOf(asker), $"A {tag} question", [tag], "An answer",
                askedAt.AddHours(_random.Next(1, 96)));
            answers.Add((answer, quality));
            Events.Add(answer);
            AnswerCounts[(IdOf(person), tag)] = AnswerCounts.GetValueOrDefault((IdOf(person), tag)) + 1;
        }

        if (answers.Count == 0 || _random.NextDouble() >= 0.75)
        {
            return;
        }

        var pick = _random.NextDouble() * answers.Sum(answer => answer.Quality);
        var accepted = answers.First(answer => (pick -= answer.Quality) <= 0).Answer;
        Events.Add(new AnswerAccepted(
            accepted.AnswerId, postId, accepted.CommunityId, accepted.AuthorId, accepted.QuestionTitle, [tag], accepted.QuestionAuthorId, null, accepted.PostedAt.AddDays(1)));
    }

    private void Project(string tag, int index, bool recent)
    {
        var projectId = Guid.NewGuid();
        var startedAt = recent ? _now.AddDays(-_random.Next(10, 700)) : _now.AddDays(-_random.Next(3 * 365, 5 * 365));
        for (var person = 0; person < People; person++)
        {
            var chance = (RoleOf(person, tag), recent) switch
            {
                (Role.Expert, true) => 0.5,
                (Role.Practitioner, true) => 0.2,
                (Role.Enthusiast, true) => 0.05,
                (Role.FormerExpert, false) => 0.6,
                _ => 0.01,
            };
            if (_random.NextDouble() < chance)
            {
                Events.Add(new ProjectMemberAssigned(projectId, $"{tag} project {index}", [tag], IdOf(person), "Engineer", startedAt));
            }
        }
    }

    private void Articles(int person, string tag)
    {
        var chance = RoleOf(person, tag) switch
        {
            Role.Expert => 0.3,
            Role.Enthusiast => 0.5,
            _ => 0.0,
        };
        if (_random.NextDouble() >= chance)
        {
            return;
        }

        var at = _now.AddDays(-_random.Next(1, 700));
        Events.Add(new PostPublished(Guid.NewGuid(), Guid.NewGuid(), "open", "article", $"Notes on {tag}", "Body", [tag], IdOf(person), null, 1, at, at));
    }
}
