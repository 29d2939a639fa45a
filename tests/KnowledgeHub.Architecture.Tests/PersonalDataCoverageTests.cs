using System.Reflection;
using System.Text.RegularExpressions;
using KnowledgeHub.Messaging.Privacy;
using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.Architecture.Tests;

/// <summary>
/// A person's data export covers every column that names a person in every module's tables: a table
/// added without its set in the module's <c>…PersonalData</c> fails here, or is named below with why.
/// </summary>
public sealed partial class PersonalDataCoverageTests
{
    private static readonly string[] PersonColumns =
    [
        "person_id", "author_id", "recipient_id", "endorser_id", "giver_id", "receiver_id", "created_by", "started_by",
        "checked_in_by", "reported_by", "linked_by", "changed_by", "lead_id", "actor_id", "decided_by", "requested_by",
    ];

    /// <summary>Columns that name a person but hold nothing about them worth exporting, and why.</summary>
    private static readonly Dictionary<string, string> NotExported = new(StringComparer.Ordinal)
    {
        ["expertise.evidence_locks.person_id"] = "a lock row with no data, taken while evidence is rebuilt",
        ["notifications.notifications.actor_id"] = "who caused someone else's notification: that notification is its recipient's",
        ["notifications.fanout_jobs.actor_id"] = "a queued delivery, gone within seconds",
    };

    /// <summary>Columns that name a person and stay after their erasure, and why (ADR 0072).</summary>
    private static readonly Dictionary<string, string> KeptAfterErasure = new(StringComparer.Ordinal)
    {
        ["expertise.erasures.person_id"] = "the erasure itself: an id, no name or address; it refuses older tokens and continues the profile's versions",
        ["expertise.erasures.requested_by"] = "who asked for an erasure, as the audit trail keeps it",
    };

    public static TheoryData<string> Modules => new(["Alignment", "Communities", "Expertise", "Notifications", "Partnerships", "Search"]);

    [Theory]
    [MemberData(nameof(Modules))]
    public void Every_column_that_names_a_person_is_in_the_modules_export(string module)
    {
        var sets = SetsOf(module);
        var missing = PersonColumnsOf(module)
            .Where(column => !NotExported.ContainsKey($"{module.ToLowerInvariant()}.{column.Table}.{column.Name}"))
            .Where(column => !sets.Any(set => Reads(set.Sql, column.Table) && set.Sql.Contains($"{column.Name} = @PersonId", StringComparison.Ordinal)))
            .Select(column => $"{column.Table}.{column.Name}")
            .ToList();

        Assert.True(missing.Count == 0, $"{module}'s export misses: {string.Join(", ", missing)}. Add a set to {module}PersonalData or say here why not.");
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Every_column_that_names_a_person_is_erased_or_kept_on_purpose(string module)
    {
        var statements = ErasureOf(module);
        var missing = PersonColumnsOf(module)
            .Where(column => !KeptAfterErasure.ContainsKey($"{module.ToLowerInvariant()}.{column.Table}.{column.Name}"))
            .Where(column => !statements.Any(statement => Writes(statement, column.Table) && statement.Contains($"{column.Name} = @PersonId", StringComparison.Ordinal)))
            .Select(column => $"{column.Table}.{column.Name}")
            .ToList();

        Assert.True(missing.Count == 0, $"{module}'s erasure leaves: {string.Join(", ", missing)}. Add a statement to {module}PersonalData.Erasure or say here why not.");
    }

    private static IReadOnlyList<string> ErasureOf(string module) =>
        (IReadOnlyList<string>)PersonalDataType(module).GetProperty("Erasure", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

    private static Type PersonalDataType(string module) =>
        Assembly.Load($"KnowledgeHub.{module}").GetTypes().Single(candidate => candidate.Name == $"{module}PersonalData");

    private static bool Writes(string sql, string table) =>
        Regex.IsMatch(sql, $@"\b(DELETE FROM|UPDATE)\s+{table}\b", RegexOptions.IgnoreCase);

    private static IReadOnlyList<PersonalDataSet> SetsOf(string module)
    {
        return (IReadOnlyList<PersonalDataSet>)PersonalDataType(module).GetProperty("Sets", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
    }

    private static IEnumerable<(string Table, string Name)> PersonColumnsOf(string module)
    {
        var folder = RepositoryRoot.Of($"services/{module}/KnowledgeHub.{module}/Data/Migrations");
        var scripts = Directory.EnumerateFiles(folder, "*.sql", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}Sqlite{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText);
        foreach (var script in scripts)
        {
            foreach (Match table in CreateTable().Matches(script))
            {
                foreach (var column in PersonColumns.Where(column => Regex.IsMatch(table.Groups["columns"].Value, $@"^\s*{column}\s", RegexOptions.Multiline)))
                {
                    yield return (table.Groups["table"].Value, column);
                }
            }

            foreach (Match added in AddColumn().Matches(script))
            {
                if (PersonColumns.Contains(added.Groups["column"].Value))
                {
                    yield return (added.Groups["table"].Value, added.Groups["column"].Value);
                }
            }
        }
    }

    private static bool Reads(string sql, string table) =>
        Regex.IsMatch(sql, $@"\b(FROM|JOIN)\s+{table}\b", RegexOptions.IgnoreCase);

    [GeneratedRegex(@"CREATE TABLE (?<table>\w+) \((?<columns>.*?)\n\);", RegexOptions.Singleline)]
    private static partial Regex CreateTable();

    [GeneratedRegex(@"ALTER TABLE (?<table>\w+) ADD COLUMN (?<column>\w+)")]
    private static partial Regex AddColumn();
}
