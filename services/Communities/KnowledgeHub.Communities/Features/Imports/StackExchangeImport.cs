using System.Text.RegularExpressions;
using KnowledgeHub.Communities.Features.Posts;
using KnowledgeHub.Contracts.Communities;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging.Outbox;
using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.Extensions.Logging;

namespace KnowledgeHub.Communities.Features.Imports;

/// <summary>An accepted upload, spooled to disk, waiting for <see cref="StackExchangeImport"/>.</summary>
internal sealed record ImportJob(Guid ImportId, Guid CommunityId, Guid StartedBy, string PostsPath, string? UsersPath, string EmailTemplate);

/// <summary>
/// Imports a Stack Exchange history into a community (ADR 0044): questions first, then answers, in
/// batches of <see cref="BatchSize"/> rows, each batch one transaction with its events in the outbox.
/// Posts keep their authors (people by e-mail from the template) and their original dates; the events
/// carry those dates, so the evidence Expertise derives is dated from them. Every dump row becomes at
/// most one post or answer, keyed by (community, dump id): importing the file again changes nothing.
/// </summary>
internal sealed partial class StackExchangeImport(CommunitiesDatabase database, Outbox<CommunitiesDatabase> outbox, TimeProvider time, ILogger<StackExchangeImport> logger)
{
    private const int BatchSize = 500;
    private const int MaxTitleLength = 200;

    public async Task RunAsync(ImportJob job, CancellationToken cancellationToken)
    {
        var progress = new ImportProgress();
        try
        {
            var names = job.UsersPath is null ? [] : DisplayNames(job.UsersPath);
            var visibility = await VisibilityAsync(job.CommunityId, cancellationToken);
            var questions = new Dictionary<long, QuestionRef>();
            foreach (var batch in StackExchangeDump.Rows(job.PostsPath, StackExchangeDump.Posts).Where(row => row["PostTypeId"] == "1").Chunk(BatchSize))
            {
                await ImportQuestionsAsync(job, batch, names, visibility, questions, progress, cancellationToken);
            }

            foreach (var batch in StackExchangeDump.Rows(job.PostsPath, StackExchangeDump.Posts).Where(row => row["PostTypeId"] == "2").Chunk(BatchSize))
            {
                await ImportAnswersAsync(job, batch, names, visibility, questions, progress, cancellationToken);
            }

            await SaveAsync(job, progress, "completed", cancellationToken);
        }
#pragma warning disable CA1031 // Whatever stops an import is reported in its status, not lost in a background task.
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            logger.LogWarning(exception, "Import {ImportId} failed.", job.ImportId);
            await SaveAsync(job, progress, "failed", CancellationToken.None, exception.Message);
        }
        finally
        {
            File.Delete(job.PostsPath);
            if (job.UsersPath is not null)
            {
                File.Delete(job.UsersPath);
            }
        }
    }

    private async Task ImportQuestionsAsync(
        ImportJob job, DumpRow[] rows, Dictionary<long, string> names, string visibility, Dictionary<long, QuestionRef> questions, ImportProgress progress, CancellationToken cancellationToken)
    {
        await using var work = await database.BeginAsync(cancellationToken);
        var known = await KnownAsync(work, job.CommunityId, rows);
        var html = SanitizedBodies(rows, known);
        var people = new List<PeopleImported.Person>();
        foreach (var row in rows)
        {
            if (Question(row, job.EmailTemplate, names, progress) is not { } question)
            {
                continue;
            }

            if (known.TryGetValue(question.DumpId, out var existing))
            {
                questions[question.DumpId] = new QuestionRef(existing, row.Long("AcceptedAnswerId"));
                continue;
            }

            var postId = Guid.CreateVersion7(question.CreatedAt);
            questions[question.DumpId] = new QuestionRef(postId, row.Long("AcceptedAnswerId"));
            Provision(question.Author, people);
            await work.ExecuteAsync(
                """
                INSERT INTO posts (id, community_id, type, title, body, body_html, author_id, version, created_at, updated_at)
                VALUES (@PostId, @CommunityId, 'question', @Title, @Body, @BodyHtml, @AuthorId, 1, @CreatedAt, @CreatedAt)
                """,
                new
                {
                    PostId = postId,
                    job.CommunityId,
                    question.Title,
                    question.Body,
                    BodyHtml = html[question.DumpId],
                    AuthorId = question.Author.Id,
                    question.CreatedAt,
                });
            await work.ExecuteAsync("INSERT INTO post_tags (post_id, tag) VALUES (@PostId, @Tag)", question.Tags.Select(tag => new { PostId = postId, Tag = tag }));
            await RememberAsync(work, job.CommunityId, question.DumpId, postId);
            await outbox.EnqueueAsync(
                work,
                new PostPublished(
                    postId, job.CommunityId, visibility, PostRules.Question, question.Title, question.Body, question.Tags, question.Author.Id, null, 1,
                    question.CreatedAt, question.CreatedAt));
            progress.Questions++;
        }

        await PublishPeopleAsync(work, job, people);
        await SaveAsync(work, job, progress);
        await work.CommitAsync();
    }

    private async Task ImportAnswersAsync(
        ImportJob job, DumpRow[] rows, Dictionary<long, string> names, string visibility, Dictionary<long, QuestionRef> questions, ImportProgress progress, CancellationToken cancellationToken)
    {
        await using var work = await database.BeginAsync(cancellationToken);
        var known = await KnownAsync(work, job.CommunityId, rows);
        var html = SanitizedBodies(rows, known);
        var parents = (await work.QueryAsync<ParentRow>(
            $"""
            SELECT p.id AS Id, p.title AS Title, p.author_id AS AuthorId,
                   (SELECT {work.Dialect.StringAgg("t.tag")} FROM post_tags t WHERE t.post_id = p.id) AS Tags
            FROM posts p WHERE {work.Dialect.InList("p.id", "@Ids")}
            """,
            new { Ids = rows.Select(row => row.Long("ParentId")).OfType<long>().Select(id => questions.GetValueOrDefault(id)?.PostId).OfType<Guid>().Distinct().ToArray() }))
            .ToDictionary(parent => parent.Id);
        var people = new List<PeopleImported.Person>();
        foreach (var row in rows)
        {
            var answer = Answer(row, job.EmailTemplate, names, progress);
            if (answer is null || known.ContainsKey(answer.DumpId))
            {
                continue;
            }

            if (questions.GetValueOrDefault(answer.ParentDumpId) is not { } question || !parents.TryGetValue(question.PostId, out var parent))
            {
                progress.Reject(row, $"its question {answer.ParentDumpId} is not in the file, or was rejected.");
                continue;
            }

            var answerId = Guid.CreateVersion7(answer.CreatedAt);
            var tags = TagList.Split(parent.Tags);
            Provision(answer.Author, people);
            await work.ExecuteAsync(
                """
                INSERT INTO answers (id, post_id, body, body_html, author_id, created_at) VALUES (@AnswerId, @PostId, @Body, @BodyHtml, @AuthorId, @CreatedAt);
                UPDATE posts SET answer_count = answer_count + 1 WHERE id = @PostId;
                """,
                new { AnswerId = answerId, PostId = parent.Id, answer.Body, BodyHtml = html[answer.DumpId], AuthorId = answer.Author.Id, answer.CreatedAt });
            await RememberAsync(work, job.CommunityId, answer.DumpId, answerId);
            await outbox.EnqueueAsync(
                work,
                new AnswerPosted(answerId, parent.Id, job.CommunityId, visibility, answer.Author.Id, null, parent.AuthorId, parent.Title, tags, answer.Body, answer.CreatedAt));
            progress.Answers++;

            // The dump does not say when an answer was accepted: the answer's own date stands for it.
            if (question.AcceptedDumpId == answer.DumpId)
            {
                await work.ExecuteAsync("UPDATE posts SET accepted_answer_id = @AnswerId WHERE id = @PostId", new { AnswerId = answerId, PostId = parent.Id });
                await outbox.EnqueueAsync(
                    work,
                    new AnswerAccepted(answerId, parent.Id, job.CommunityId, answer.Author.Id, parent.Title, tags, parent.AuthorId, null, answer.CreatedAt));
                progress.AcceptedAnswers++;
            }
        }

        await PublishPeopleAsync(work, job, people);
        await SaveAsync(work, job, progress);
        await work.CommitAsync();
    }

    private static ImportedQuestion? Question(DumpRow row, string emailTemplate, Dictionary<long, string> names, ImportProgress progress)
    {
        if (Common(row, emailTemplate, names, progress) is not var (dumpId, author, createdAt, body))
        {
            return null;
        }

        var title = row["Title"]?.Trim();
        if (string.IsNullOrEmpty(title))
        {
            progress.Reject(row, "a question needs a Title.");
            return null;
        }

        var validation = new Validation();
        var tags = TagList.Normalize(TagsOf(row["Tags"]), validation);
        if (!validation.IsValid)
        {
            progress.Reject(row, $"its Tags '{row["Tags"]}' break the tag rules ({TagList.MaxTags} at most, letters, digits and + # . - _).");
            return null;
        }

        return new ImportedQuestion(dumpId, author, createdAt, title.Length <= MaxTitleLength ? title : title[..MaxTitleLength], body, tags);
    }

    private static ImportedAnswer? Answer(DumpRow row, string emailTemplate, Dictionary<long, string> names, ImportProgress progress)
    {
        if (Common(row, emailTemplate, names, progress) is not var (dumpId, author, createdAt, body))
        {
            return null;
        }

        if (row.Long("ParentId") is not { } parent)
        {
            progress.Reject(row, "an answer needs a ParentId.");
            return null;
        }

        return new ImportedAnswer(dumpId, parent, author, createdAt, body);
    }

    /// <summary>What every imported row needs: an id, an author, a date and a body of a size a post may have.</summary>
    private static (long DumpId, PeopleImported.Person Author, DateTimeOffset CreatedAt, string Body)? Common(
        DumpRow row, string emailTemplate, Dictionary<long, string> names, ImportProgress progress)
    {
        string? problem = null;
        var (dumpId, owner, createdAt, body) = (row.Long("Id"), row.Long("OwnerUserId"), row.Date("CreationDate"), row["Body"] ?? "");
        if (dumpId is null)
        {
            problem = "no numeric Id.";
        }
        else if (owner is null)
        {
            problem = "no OwnerUserId (a deleted or anonymous author).";
        }
        else if (createdAt is null)
        {
            problem = "no valid CreationDate.";
        }
        else if (string.IsNullOrWhiteSpace(body) || body.Length > PostRules.MaxBodyLength)
        {
            problem = $"its Body is empty or longer than {PostRules.MaxBodyLength} characters.";
        }

        if (problem is not null)
        {
            progress.Reject(row, problem);
            return null;
        }

        var email = ImportEmails.Of(emailTemplate, owner!.Value);
        var person = new PeopleImported.Person(PersonIds.FromEmail(email), email, names.GetValueOrDefault(owner.Value) ?? $"User {owner}");
        progress.People.Add(owner.Value);
        return (dumpId!.Value, person, createdAt!.Value, body);
    }

    /// <summary>The safe HTML of the batch's new rows, made on every core at once: sanitising is most of an import's own work.</summary>
    private static Dictionary<long, string> SanitizedBodies(DumpRow[] rows, Dictionary<long, Guid> known) =>
        rows.Where(row => row.Long("Id") is { } id && !known.ContainsKey(id))
            .DistinctBy(row => row.Long("Id"))
            .AsParallel()
            .Select(row => (Id: row.Long("Id")!.Value, Html: SafeMarkdown.SanitizeHtml(row["Body"] ?? "")))
            .ToDictionary(row => row.Id, row => row.Html);

    /// <summary>Tags as older dumps write them (<c>&lt;a&gt;&lt;b&gt;</c>) or newer ones (<c>|a|b|</c>).</summary>
    private static IEnumerable<string> TagsOf(string? tags) =>
        string.IsNullOrEmpty(tags) ? [] : TagSeparators().Split(tags).Where(tag => tag.Length > 0);

    private static Dictionary<long, string> DisplayNames(string usersPath) =>
        StackExchangeDump.Rows(usersPath, StackExchangeDump.Users)
            .Where(row => row.Long("Id") is not null && !string.IsNullOrWhiteSpace(row["DisplayName"]))
            .DistinctBy(row => row.Long("Id"))
            .ToDictionary(row => row.Long("Id")!.Value, row => row["DisplayName"]!.Trim());

    private static void Provision(PeopleImported.Person person, List<PeopleImported.Person> batch)
    {
        if (!batch.Exists(known => known.Id == person.Id))
        {
            batch.Add(person);
        }
    }

    /// <summary>Names and e-mails for Expertise (profiles) and for this service's own display names.</summary>
    private async Task PublishPeopleAsync(UnitOfWork work, ImportJob job, List<PeopleImported.Person> people)
    {
        if (people.Count == 0)
        {
            return;
        }

        await work.ExecuteAsync(
            "INSERT INTO people (id, display_name, department, version) VALUES (@Id, @DisplayName, '', 0) ON CONFLICT (id) DO NOTHING",
            people);
        await outbox.EnqueueAsync(work, new PeopleImported(job.ImportId, people));
    }

    private static async Task<Dictionary<long, Guid>> KnownAsync(UnitOfWork work, Guid communityId, DumpRow[] rows) =>
        (await work.QueryAsync<ImportedRow>(
            $"SELECT dump_id AS DumpId, target_id AS TargetId FROM imported_rows WHERE community_id = @CommunityId AND {work.Dialect.InList("dump_id", "@Ids")}",
            new { CommunityId = communityId, Ids = rows.Select(row => row.Long("Id")).OfType<long>().ToArray() }))
            .ToDictionary(row => row.DumpId, row => row.TargetId);

    private static Task RememberAsync(UnitOfWork work, Guid communityId, long dumpId, Guid targetId) =>
        work.ExecuteAsync(
            "INSERT INTO imported_rows (community_id, dump_id, target_id) VALUES (@CommunityId, @DumpId, @TargetId)",
            new { CommunityId = communityId, DumpId = dumpId, TargetId = targetId });

    private async Task<string> VisibilityAsync(Guid communityId, CancellationToken cancellationToken)
    {
        await using var session = await database.OpenSessionAsync(cancellationToken);
        return await session.ScalarAsync<string>("SELECT visibility FROM communities WHERE id = @CommunityId", new { CommunityId = communityId })
            ?? throw new InvalidOperationException("The community was deleted during the import.");
    }

    private Task SaveAsync(UnitOfWork work, ImportJob job, ImportProgress progress) =>
        progress.SaveAsync(work, job.ImportId, "running", finishedAt: null);

    private async Task SaveAsync(ImportJob job, ImportProgress progress, string status, CancellationToken cancellationToken, string? error = null)
    {
        await using var session = await database.OpenSessionAsync(cancellationToken);
        await progress.SaveAsync(session, job.ImportId, status, time.UtcNowForDatabase(), error);
    }

    [GeneratedRegex("[<>|]+")]
    private static partial Regex TagSeparators();

    private sealed record QuestionRef(Guid PostId, long? AcceptedDumpId);

    private sealed record ImportedQuestion(long DumpId, PeopleImported.Person Author, DateTimeOffset CreatedAt, string Title, string Body, IReadOnlyList<string> Tags);

    private sealed record ImportedAnswer(long DumpId, long ParentDumpId, PeopleImported.Person Author, DateTimeOffset CreatedAt, string Body);

    private sealed class ImportedRow
    {
        public long DumpId { get; init; }

        public Guid TargetId { get; init; }
    }

    private sealed class ParentRow
    {
        public Guid Id { get; init; }

        public required string Title { get; init; }

        public Guid AuthorId { get; init; }

        public string? Tags { get; init; }
    }
}
