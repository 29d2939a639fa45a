using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.Architecture.Tests;

/// <summary>
/// A migration both providers run alike is written once, in <c>Data/Migrations/Shared</c>
/// (Directory.Build.targets embeds it under each provider's name), never as two identical copies.
/// </summary>
public sealed class MigrationRulesTests
{
    [Fact]
    public void No_migration_is_written_twice_for_the_two_providers()
    {
        var twins = Directory.EnumerateDirectories(RepositoryRoot.Path, "Sqlite", SearchOption.AllDirectories)
            .Where(folder => Path.GetFileName(Path.GetDirectoryName(folder)) == "Migrations" && !folder.Contains("/bin/") && !folder.Contains("/obj/"))
            .SelectMany(sqlite => Directory.EnumerateFiles(sqlite, "*.sql")
                .Select(script => (Sqlite: script, Postgres: Path.Combine(Path.GetDirectoryName(sqlite)!, "Postgres", Path.GetFileName(script)))))
            .Where(pair => File.Exists(pair.Postgres) && File.ReadAllBytes(pair.Sqlite).AsSpan().SequenceEqual(File.ReadAllBytes(pair.Postgres)))
            .Select(pair => Path.GetRelativePath(RepositoryRoot.Path, pair.Sqlite))
            .ToList();

        Assert.True(twins.Count == 0, $"Identical for both providers, move to Data/Migrations/Shared: {string.Join(", ", twins)}");
    }

    [Fact]
    public void A_shared_migration_is_embedded_for_both_providers()
    {
        var expertise = typeof(KnowledgeHub.Expertise.ExpertiseModule).Assembly.GetManifestResourceNames();

        Assert.Contains("KnowledgeHub.Expertise.Data.Migrations.Sqlite.0003_skill_taxonomy.sql", expertise);
        Assert.Contains("KnowledgeHub.Expertise.Data.Migrations.Postgres.0003_skill_taxonomy.sql", expertise);
    }
}
