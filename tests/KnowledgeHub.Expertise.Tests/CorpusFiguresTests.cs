using Dapper;
using KnowledgeHub.Contracts.Communities;
using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.Expertise.Tests;

/// <summary>
/// The corpus figures a question is ranked with (how many documents, their average length) are counted
/// by each instance now and then, not for every question (ADR 0082). The question's two words are in
/// one and two documents: how much the commoner word counts depends on how many documents there are.
/// </summary>
public abstract class CorpusFiguresTests(ExpertiseFixture fixture)
{
    [Fact]
    public async Task Documents_another_instance_wrote_count_from_the_next_count_and_this_instance_s_own_writes_bring_it_forward()
    {
        var (rare, common) = (Word(), Word());
        var (one, client) = await fixture.PersonAsync("rare-word");
        var (two, _) = await fixture.PersonAsync("common-word");
        var (three, _) = await fixture.PersonAsync("common-word-too");
        await fixture.DeliverAllAsync([Article(one.Id, rare), Article(two.Id, common), Article(three.Id, common)]);
        var question = $"/api/experts?q={rare}%20{common}";
        var first = ExpertFindingTests.Score(await client.GetJsonAsync(question), two.Id);

        await WriteAsAnotherInstanceAsync(documents: 30);
        var second = ExpertFindingTests.Score(await client.GetJsonAsync(question), two.Id);
        var (writer, _) = await fixture.PersonAsync("writer");
        await fixture.DeliverAsync(Article(writer.Id, Word()));
        var third = ExpertFindingTests.Score(await client.GetJsonAsync(question), two.Id);

        Assert.Equal(first, second);
        Assert.True(third > first, $"With ten times the documents the common word should weigh more: {first} then {third}.");
    }

    private static string Word() => "cf" + Guid.NewGuid().ToString("N")[..8];

    private static PostPublished Article(Guid author, string word) => Evidence.Post(author, "article", $"Tuning {word}", [Evidence.UniqueTag("tag")]);

    /// <summary>Documents of old evidence, written straight into the shared database as a consumer of another instance would.</summary>
    private async Task WriteAsAnotherInstanceAsync(int documents)
    {
        await using var connection = await fixture.Host.Get<ExpertiseDatabase>().OpenAsync(TestContext.Current.CancellationToken);
        await connection.ExecuteAsync(
            """
            INSERT INTO evidence_documents (source, person_id, kind, detail, skill, weight, strength, occurred_at, length, hidden)
            VALUES (@Source, @PersonId, 'post', 'Elsewhere', '', 1, 1, @At, 4, @Hidden)
            """,
            Enumerable.Range(0, documents).Select(index => new { Source = $"elsewhere:{Guid.NewGuid()}", PersonId = Guid.NewGuid(), At = DateTimeOffset.UtcNow.AddYears(-3), Hidden = false }));
    }
}

public sealed class Corpus_figures_on_Sqlite(SqliteExpertise fixture) : CorpusFiguresTests(fixture), IClassFixture<SqliteExpertise>;

public sealed class Corpus_figures_on_Postgres(PostgresExpertise fixture) : CorpusFiguresTests(fixture), IClassFixture<PostgresExpertise>;
