using Npgsql;

namespace KnowledgeHub.Data;

/// <summary>
/// What the hub asks of every PostgreSQL session it opens, through the connection string's startup
/// options (ADR 0083): JIT off. The hub's statements are short and asked again and again; compiling them
/// costs more than it saves, and is paid on every execution (the scorecard at 50,000 projects: half its time).
/// </summary>
public static class PostgresSessionOptions
{
    private const string JitOff = "-c jit=off";

    /// <summary>
    /// The connection string with JIT turned off, unless its Options already set jit: an operator's
    /// choice wins, and other options they give are kept.
    /// </summary>
    public static string Apply(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var options = builder.Options;
        if (options?.Contains("jit", StringComparison.OrdinalIgnoreCase) == true)
        {
            return connectionString;
        }

        builder.Options = string.IsNullOrWhiteSpace(options) ? JitOff : $"{options} {JitOff}";
        return builder.ConnectionString;
    }
}
