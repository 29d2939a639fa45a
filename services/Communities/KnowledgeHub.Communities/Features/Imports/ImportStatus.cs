using System.Text.Json;
using KnowledgeHub.Data;

namespace KnowledgeHub.Communities.Features.Imports;

/// <summary>A dump row that was left out, and why; <c>row</c> is its line in the file.</summary>
internal sealed record RejectedRow(int Row, string Reason);

/// <summary>What an import has reached so far; written after every batch, so a reader watches it grow.</summary>
internal sealed class ImportProgress
{
    /// <summary>The status keeps this many rejected rows; the count of the rest is in the last one's reason.</summary>
    private const int MaxRejectedListed = 500;

    private readonly List<RejectedRow> _rejected = [];
    private int _rejectedUnlisted;

    public int Questions { get; set; }

    public int Answers { get; set; }

    public int AcceptedAnswers { get; set; }

    public HashSet<long> People { get; } = [];

    public void Reject(DumpRow row, string reason)
    {
        if (_rejected.Count < MaxRejectedListed)
        {
            _rejected.Add(new RejectedRow(row.Line, row["Id"] is { } id ? $"Post {id}: {reason}" : reason));
        }
        else
        {
            _rejectedUnlisted++;
        }
    }

    public Task SaveAsync(DbSession session, Guid importId, string status, DateTimeOffset? finishedAt, string? error = null)
    {
        var rejected = _rejectedUnlisted == 0
            ? _rejected
            : [.. _rejected, new RejectedRow(0, $"… and {_rejectedUnlisted} more rows rejected.")];
        return session.ExecuteAsync(
            """
            UPDATE imports SET status = @Status, questions = @Questions, answers = @Answers, accepted_answers = @AcceptedAnswers,
                               people = @People, rejected = @Rejected, error = @Error, finished_at = @FinishedAt
            WHERE id = @ImportId
            """,
            new
            {
                ImportId = importId,
                Status = status,
                Questions,
                Answers,
                AcceptedAnswers,
                People = People.Count,
                Rejected = JsonSerializer.Serialize(rejected, JsonSerializerOptions.Web),
                Error = error,
                FinishedAt = finishedAt,
            });
    }
}
