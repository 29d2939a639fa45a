using KnowledgeHub.Contracts.Expertise;
using KnowledgeHub.Data;
using KnowledgeHub.Expertise.Features.Evidence;
using KnowledgeHub.Expertise.Features.Skills;
using KnowledgeHub.Messaging.Outbox;
using KnowledgeHub.ServiceDefaults.Http;

namespace KnowledgeHub.Expertise.Features.Experts;

/// <param name="Tags">Comma-joined, normalised.</param>
internal sealed record Question(Guid PostId, Guid CommunityId, Guid AskerId, string Title, string Tags, string Body);

/// <summary>
/// Suggests up to five experts for a question, never its asker (ADR 0010). The question's tags
/// name the skills (its title when no tag is a known skill). So that one top expert is not asked
/// about everything, candidates within <see cref="Band"/> of the best score are ordered by
/// score × <see cref="BusyFactor"/>^load, where load adds 1/position for every suggestion of that
/// person in the last <see cref="LoadWindow"/>; candidates below the band never overtake those in it.
/// A question is suggested for once per set of tags, so replays suggest nothing new.
/// </summary>
internal sealed class ExpertSuggestions(ExpertiseDatabase database, Outbox<ExpertiseDatabase> outbox, CorpusStatistics statistics, SkillIndexCache taxonomy, TimeProvider time)
{
    public const int MaxExperts = 5;
    public const double Band = 0.75;
    public const double BusyFactor = 0.8;
    public static readonly TimeSpan LoadWindow = TimeSpan.FromDays(7);

    private const int ReasonsPerExpert = 3;

    /// <summary>How many of the best candidates the spreading rule chooses among.</summary>
    private const int Candidates = MaxExperts * 4;

    public async Task SuggestAsync(UnitOfWork work, Question question)
    {
        var suggestedFor = await work.QueryOneAsync<string>(
            "SELECT tags FROM question_suggestions WHERE post_id = @PostId",
            new { question.PostId });
        if (suggestedFor == question.Tags)
        {
            return;
        }

        var now = time.UtcNowForDatabase();
        var skills = await SkillsOfAsync(work, question);
        var query = new ExpertQuery(skills.Select(skill => skill.Id).ToList(), [], Excluding: question.AskerId);

        // The same model as a question asked of GET /api/experts: its title, tags and body (ADR 0043).
        var candidates = await DocumentRanking.RankAsync(work, statistics, $"{question.Title}\n{question.Tags.Replace(',', ' ')}\n{question.Body}", skills, query, Candidates);
        var ranked = candidates.Select(expert => (expert.Person, expert.Score)).ToList();
        var chosen = Spread(ranked, await LoadsAsync(work, question.PostId, ranked, now));
        var experts = chosen.Select(pick => candidates.First(expert => expert.Person.Id == pick.Person.Id)).ToList();

        await work.ExecuteAsync(
            """
            INSERT INTO question_suggestions (post_id, tags, suggested_at) VALUES (@PostId, @Tags, @Now)
            ON CONFLICT (post_id) DO UPDATE SET tags = excluded.tags, suggested_at = excluded.suggested_at;
            DELETE FROM suggested_experts WHERE post_id = @PostId;
            """,
            new { question.PostId, question.Tags, Now = now });
        await work.ExecuteAsync(
            "INSERT INTO suggested_experts (post_id, person_id, position, suggested_at) VALUES (@PostId, @PersonId, @Position, @Now)",
            experts.Select((expert, index) => new { question.PostId, PersonId = expert.Person.Id, Position = index + 1, Now = now }));

        // A first suggestion of nobody says nothing; a later one replaces the earlier suggestion.
        if (experts.Count > 0 || suggestedFor is not null)
        {
            await outbox.EnqueueAsync(
                work,
                new ExpertsSuggested(
                    question.PostId,
                    question.CommunityId,
                    experts.Select(expert => new ExpertsSuggested.Expert(
                        expert.Person.Id, expert.Person.DisplayName, expert.Person.Department, expert.Score, Reasons(expert))).ToList(),
                    now));
        }
    }

    /// <summary>The spreading rule: near-equals take turns at the top; the rest follow by score.</summary>
    private static IReadOnlyList<(ExpertPerson Person, double Score)> Spread(
        IReadOnlyList<(ExpertPerson Person, double Score)> ranked, IReadOnlyDictionary<Guid, double> loads)
    {
        if (ranked.Count == 0)
        {
            return [];
        }

        var cut = ranked[0].Score * Band;
        var band = ranked.TakeWhile(candidate => candidate.Score >= cut)
            .OrderByDescending(candidate => candidate.Score * Math.Pow(BusyFactor, loads.GetValueOrDefault(candidate.Person.Id)))
            .ThenByDescending(candidate => candidate.Score);
        return band.Concat(ranked.SkipWhile(candidate => candidate.Score >= cut)).Take(MaxExperts).ToList();
    }

    private async Task<IReadOnlyList<SkillRef>> SkillsOfAsync(UnitOfWork work, Question question)
    {
        var skills = new List<SkillRef>();
        foreach (var tag in TagList.Split(question.Tags))
        {
            if (await SkillTaxonomy.FindAsync(work, tag) is { } skill && !skills.Exists(known => known.Id == skill.Id))
            {
                skills.Add(skill);
            }
        }

        if (skills.Count == 0)
        {
            skills.AddRange((await taxonomy.GetAsync(work)).Match(question.Title));
        }

        return skills;
    }

    private async Task<IReadOnlyDictionary<Guid, double>> LoadsAsync(
        UnitOfWork work, Guid postId, IReadOnlyList<(ExpertPerson Person, double Score)> ranked, DateTimeOffset now)
    {
        var candidates = ranked.Select(candidate => candidate.Person.Id).ToArray();
        if (candidates.Length == 0)
        {
            return new Dictionary<Guid, double>();
        }

        var recent = await work.QueryAsync<LoadRow>(
            $"""
            SELECT person_id AS PersonId, position AS Position FROM suggested_experts
            WHERE {database.Dialect.InList("person_id", "@Candidates")} AND suggested_at >= @Since AND post_id <> @PostId
            """,
            new { Candidates = candidates, Since = now - LoadWindow, PostId = postId });
        return recent.GroupBy(row => row.PersonId).ToDictionary(person => person.Key, person => person.Sum(row => 1.0 / row.Position));
    }

    private static List<string> Reasons(RankedExpert expert) =>
        expert.Evidence
            .Select(piece => piece.Kind switch
            {
                EvidenceKinds.Declared => $"declares {piece.Skill}",
                EvidenceKinds.Endorsement => $"endorsed for {piece.Skill}",
                EvidenceKinds.Post => $"wrote about {piece.Skill}",
                EvidenceKinds.Answer => $"answered on {piece.Skill}",
                EvidenceKinds.AcceptedAnswer => $"accepted answer on {piece.Skill}",
                _ => $"project work on {piece.Skill}",
            })
            .Distinct(StringComparer.Ordinal)
            .Take(ReasonsPerExpert)
            .ToList();

    private sealed class LoadRow
    {
        public Guid PersonId { get; init; }

        public int Position { get; init; }
    }
}
