using KnowledgeHub.Data;
using KnowledgeHub.Expertise.Features.Experts;
using KnowledgeHub.ServiceDefaults.Auth;

namespace KnowledgeHub.Expertise.Features.Evidence;

/// <summary>
/// The text of one source of evidence and the person it speaks for. <paramref name="Title"/>,
/// <paramref name="Tags"/> and <paramref name="Body"/> are what it is about (for an answer, its
/// question); a closed community's are never given, so its evidence counts as activity but is
/// found by no text.
/// </summary>
internal sealed record EvidenceDocument(
    string Source, Guid PersonId, string Kind, string Detail, DateTimeOffset At, string Title, IReadOnlyList<string> Tags, string? Body);

/// <summary>
/// Keeps the evidence documents and their terms (ADR 0043) in step with the sources they come from,
/// and each person's activity (the sum of their documents' strength). Like the evidence rows, a
/// source's document is replaced whole, so a replay changes nothing.
/// </summary>
internal static class EvidenceDocuments
{
    /// <summary>Tie of a person to a document, by kind: an accepted answer is worth three answers, as the recent-activity baseline counts it.</summary>
    public static double WeightOf(string kind) => kind switch
    {
        EvidenceKinds.AcceptedAnswer => 3,
        _ => 1,
    };

    /// <summary>A former member's document is removed instead: what they wrote ranks nobody (ADR 0072).</summary>
    public static Task ReplaceAsync(UnitOfWork work, CorpusStatistics statistics, EvidenceDocument document) =>
        WriteAsync(work, statistics, document.Source, document.PersonId == PersonIds.FormerMember ? null : document);

    public static Task RemoveAsync(UnitOfWork work, CorpusStatistics statistics, string source) => WriteAsync(work, statistics, source, null);

    /// <summary>After a person hid or showed a piece: the document of its source is hidden while any of its pieces is.</summary>
    public static async Task SyncHiddenAsync(UnitOfWork work, string source)
    {
        var person = await work.ScalarAsync<Guid?>("SELECT person_id FROM evidence_documents WHERE source = @Source", new { Source = source });
        if (person is not null)
        {
            await work.ExecuteAsync(
                """
                UPDATE evidence_documents SET hidden = EXISTS (SELECT 1 FROM evidence e WHERE e.source = @Source AND e.hidden) WHERE source = @Source;
                UPDATE evidence_terms SET hidden = (SELECT d.hidden FROM evidence_documents d WHERE d.source = @Source) WHERE source = @Source;
                """,
                new { Source = source });
            await RecomputeActivityAsync(work, person.Value);
        }
    }

    private static async Task WriteAsync(UnitOfWork work, CorpusStatistics statistics, string source, EvidenceDocument? document)
    {
        statistics.DocumentChanged();
        var before = await work.ScalarAsync<Guid?>("SELECT person_id FROM evidence_documents WHERE source = @Source", new { Source = source });
        await work.ExecuteAsync(
            """
            DELETE FROM evidence_terms WHERE source = @Source;
            DELETE FROM evidence_documents WHERE source = @Source;
            """,
            new { Source = source });
        if (document is not null)
        {
            var terms = EvidenceText.Document(document.Title, document.Tags, document.Body);
            var weight = WeightOf(document.Kind);
            var strength = ExpertDocumentModel.StrengthOf(weight, document.At);
            var length = terms.Values.Sum();
            var hidden = await work.ScalarAsync<bool>(
                "SELECT EXISTS (SELECT 1 FROM evidence e WHERE e.source = @Source AND e.hidden)", new { Source = source });
            await work.ExecuteAsync(
                """
                INSERT INTO evidence_documents (source, person_id, kind, detail, skill, weight, strength, occurred_at, length, hidden)
                VALUES (@Source, @PersonId, @Kind, @Detail, @Skill, @Weight, @Strength, @At, @Length, @Hidden)
                """,
                new
                {
                    Source = source,
                    document.PersonId,
                    document.Kind,
                    document.Detail,
                    Skill = document.Tags.FirstOrDefault() ?? "",
                    Weight = weight,
                    Strength = strength,
                    document.At,
                    Length = length,
                    Hidden = hidden,
                });

            // Each posting carries what the ranking reads of its document (migration 0090).
            await work.ExecuteRowsAsync(
                "INSERT INTO evidence_terms (term, source, frequency, person_id, strength, length, hidden) VALUES {rows}",
                terms,
                term => [term.Key, source, term.Value, document.PersonId, strength, length, hidden]);
        }

        foreach (var person in new[] { before, document?.PersonId }.OfType<Guid>().Distinct().Order())
        {
            await RecomputeActivityAsync(work, person);
        }
    }

    /// <summary>
    /// The person's lock row first (as EvidenceStore.RecomputeAsync takes it): two writers of one
    /// person's documents at once would otherwise both delete and both insert their row (a
    /// duplicate key on PostgreSQL, the event retried), and the second now sums the first's committed documents.
    /// </summary>
    private static Task RecomputeActivityAsync(UnitOfWork work, Guid personId) =>
        work.ExecuteAsync(
            """
            INSERT INTO evidence_locks (person_id) VALUES (@PersonId) ON CONFLICT (person_id) DO UPDATE SET person_id = excluded.person_id;
            DELETE FROM person_activity WHERE person_id = @PersonId;
            INSERT INTO person_activity (person_id, strength)
            SELECT person_id, SUM(strength) FROM evidence_documents WHERE person_id = @PersonId AND NOT hidden GROUP BY person_id;
            """,
            new { PersonId = personId });
}
