using KnowledgeHub.Data;
using KnowledgeHub.Expertise.Features.Experts;
using KnowledgeHub.Expertise.Features.Skills;
using KnowledgeHub.ServiceDefaults.Http;

namespace KnowledgeHub.Expertise.Features.Evidence;

/// <summary>
/// Derives evidence from what Expertise knows of the Communities service's posts and answers. A
/// source's evidence is always rebuilt from the stored state, never patched, so events may arrive
/// in any order and any number of times. A closed community's posts and answers are no evidence
/// at all (ADR 0038): Expertise cannot tell who may read them, and a skill, a count or a date is
/// already a leak ("layoffs", 1 person, yesterday). Tags the taxonomy does not know are
/// candidates, not skills (see <see cref="TagSkills"/>).
/// </summary>
internal sealed class CommunityEvidence(TagSkills tagSkills, CorpusStatistics statistics)
{
    /// <summary>What a post shows about its author; a question shows a need, not knowledge.</summary>
    private static readonly HashSet<string> KnowledgeTypes = new(StringComparer.Ordinal) { "article", "resource", "event" };

    public async Task RebuildPostAsync(UnitOfWork work, Guid postId)
    {
        await ObjectLocks.TakeAsync(work, postId);
        var post = await work.QueryOneAsync<PostRow>(
            """
            SELECT author_id AS AuthorId, type AS Type, title AS Title, tags AS Tags, visibility AS Visibility, removed AS Removed, created_at AS CreatedAt, body AS Body
            FROM community_posts WHERE post_id = @PostId
            """,
            new { PostId = postId });
        List<EvidencePiece> pieces = [];
        if (post is { Removed: false, Visibility: "open" } && KnowledgeTypes.Contains(post.Type))
        {
            var detail = $"{Capitalized(post.Type)} \"{post.Title}\"";
            pieces = (await tagSkills.ResolveAsync(work, TagList.Split(post.Tags), post.AuthorId, EvidenceStore.PostSource(postId)))
                .Select(skill => new EvidencePiece(skill.Id, EvidenceKinds.Post, detail, post.CreatedAt))
                .ToList();
        }

        var source = EvidenceStore.PostSource(postId);
        await EvidenceStore.ReplaceAsync(work, source, post?.AuthorId ?? Guid.Empty, pieces);
        await (post is { Removed: false } && KnowledgeTypes.Contains(post.Type)
            ? EvidenceDocuments.ReplaceAsync(work, statistics, Document(source, post.AuthorId, EvidenceKinds.Post, pieces, post.CreatedAt, post.Visibility, post.Title, post.Tags, post.Body))
            : EvidenceDocuments.RemoveAsync(work, statistics, source));
    }

    public async Task RebuildAnswersOfPostAsync(UnitOfWork work, Guid postId)
    {
        await ObjectLocks.TakeAsync(work, postId);
        var answers = await work.QueryAsync<Guid>(
            "SELECT answer_id FROM community_answers WHERE post_id = @PostId",
            new { PostId = postId });
        foreach (var answer in answers)
        {
            await RebuildAnswerAsync(work, answer);
        }
    }

    /// <summary>
    /// An answer is evidence in its question's tags; the question's current accepted answer is an
    /// accepted answer, dated by its acceptance. The question's own stored state (newest version)
    /// wins over the copy of its title and tags the answer event carried.
    /// </summary>
    public async Task RebuildAnswerAsync(UnitOfWork work, Guid answerId)
    {
        var question = await work.QueryOneAsync<Guid?>("SELECT post_id FROM community_answers WHERE answer_id = @AnswerId", new { AnswerId = answerId });
        if (question is Guid postId)
        {
            await ObjectLocks.TakeAsync(work, postId);
        }

        var answer = await work.QueryOneAsync<AnswerRow>(
            """
            SELECT a.author_id AS AuthorId, coalesce(p.title, a.question_title) AS Title, coalesce(p.tags, a.question_tags) AS Tags, p.body AS Body,
                   coalesce(p.visibility, a.visibility) AS Visibility, coalesce(p.removed, false) AS PostRemoved,
                   a.answered_at AS AnsweredAt, acc.answer_id AS AcceptedAnswerId, acc.accepted_at AS AcceptedAt
            FROM community_answers a
            LEFT JOIN community_posts p ON p.post_id = a.post_id
            LEFT JOIN accepted_answers acc ON acc.post_id = a.post_id
            WHERE a.answer_id = @AnswerId
            """,
            new { AnswerId = answerId });
        List<EvidencePiece> pieces = [];
        if (answer is { PostRemoved: false, Visibility: "open" })
        {
            var accepted = answer.AcceptedAnswerId == answerId;
            var detail = $"{(accepted ? "Accepted answer" : "Answer")} to \"{answer.Title}\"";
            pieces = (await tagSkills.ResolveAsync(work, TagList.Split(answer.Tags), answer.AuthorId, EvidenceStore.AnswerSource(answerId)))
                .Select(skill => new EvidencePiece(
                    skill.Id,
                    accepted ? EvidenceKinds.AcceptedAnswer : EvidenceKinds.Answer,
                    detail,
                    accepted ? answer.AcceptedAt!.Value : answer.AnsweredAt))
                .ToList();
        }

        var source = EvidenceStore.AnswerSource(answerId);
        await EvidenceStore.ReplaceAsync(work, source, answer?.AuthorId ?? Guid.Empty, pieces);
        if (answer is { PostRemoved: false })
        {
            var accepted = answer.AcceptedAnswerId == answerId;
            await EvidenceDocuments.ReplaceAsync(work, statistics, Document(
                source,
                answer.AuthorId,
                accepted ? EvidenceKinds.AcceptedAnswer : EvidenceKinds.Answer,
                pieces,
                accepted ? answer.AcceptedAt!.Value : answer.AnsweredAt,
                answer.Visibility,
                answer.Title,
                answer.Tags,
                answer.Body));
        }
        else
        {
            await EvidenceDocuments.RemoveAsync(work, statistics, source);
        }
    }

    /// <summary>The text a piece of evidence is found by: none from a closed community, whose evidence counts as activity only.</summary>
    private static EvidenceDocument Document(
        string source, Guid personId, string kind, List<EvidencePiece> pieces, DateTimeOffset at, string? visibility, string title, string tags, string? body) =>
        visibility == "open"
            ? new EvidenceDocument(source, personId, kind, pieces.FirstOrDefault()?.Detail ?? title, at, title, TagList.Split(tags), body)
            : new EvidenceDocument(source, personId, kind, pieces.FirstOrDefault()?.Detail ?? "In a closed community", at, "", [], null);

    private static string Capitalized(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];

    private sealed class PostRow
    {
        public Guid AuthorId { get; init; }

        public required string Type { get; init; }

        public required string Title { get; init; }

        public required string Tags { get; init; }

        public required string Visibility { get; init; }

        public bool Removed { get; init; }

        public DateTimeOffset CreatedAt { get; init; }

        public string? Body { get; init; }
    }

    private sealed class AnswerRow
    {
        public Guid AuthorId { get; init; }

        public required string Title { get; init; }

        public required string Tags { get; init; }

        public string? Visibility { get; init; }

        public bool PostRemoved { get; init; }

        public DateTimeOffset AnsweredAt { get; init; }

        public Guid? AcceptedAnswerId { get; init; }

        public DateTimeOffset? AcceptedAt { get; init; }

        public string? Body { get; init; }
    }
}
