using System.Data.Common;
using Npgsql;

namespace KnowledgeHub.Data;

/// <summary>
/// What the hub asks of every PostgreSQL session it opens, through its connection string. JIT off
/// (ADR 0083): the hub's statements are short and asked again and again; compiling them costs more than
/// it saves, and is paid on every execution (the scorecard at 50,000 projects: half its time). And its
/// statements prepared on each connection once they are asked again (ADR 0114): sent unprepared, every
/// execution was parsed and planned afresh: a quarter to a third of PostgreSQL's CPU under the distributed load.
/// </summary>
public static class PostgresSessionOptions
{
    private const string JitOff = "-c jit=off";

    /// <summary>Per connection; the least recently used is closed for a new one (Npgsql's own limit is 256).</summary>
    private const int PreparedStatementsKept = 100;

    /// <summary>A statement run twice on a connection is one of the hub's own, asked again and again.</summary>
    private const int UsesBeforePreparing = 2;

    /// <summary>
    /// The connection string with JIT turned off and automatic preparation on. A setting the connection
    /// string already gives wins: an operator's <c>Options</c> naming <c>jit</c>, their own
    /// <c>Max Auto Prepare</c> (0 turns preparation off) or <c>Auto Prepare Min Usages</c>; other options
    /// they give are kept.
    /// </summary>
    public static string Apply(string connectionString)
    {
        var given = KeywordsGiven(connectionString);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var options = builder.Options;
        if (options?.Contains("jit", StringComparison.OrdinalIgnoreCase) != true)
        {
            builder.Options = string.IsNullOrWhiteSpace(options) ? JitOff : $"{options} {JitOff}";
        }

        if (!given.Contains(nameof(NpgsqlConnectionStringBuilder.MaxAutoPrepare)))
        {
            builder.MaxAutoPrepare = PreparedStatementsKept;
        }

        if (!given.Contains(nameof(NpgsqlConnectionStringBuilder.AutoPrepareMinUsages)))
        {
            builder.AutoPrepareMinUsages = UsesBeforePreparing;
        }

        return builder.ConnectionString;
    }

    /// <summary>
    /// The keywords the connection string itself gives, spaces left out (Npgsql reads "Max Auto Prepare" and
    /// "MaxAutoPrepare" alike). Npgsql's own builder answers every keyword it knows as present.
    /// </summary>
    private static HashSet<string> KeywordsGiven(string connectionString) =>
        new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys
            .Cast<string>()
            .Select(keyword => keyword.Replace(" ", "", StringComparison.Ordinal))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
}
