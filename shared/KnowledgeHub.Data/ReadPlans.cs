using System.Collections;
using System.Collections.Concurrent;
using System.Data.Common;

namespace KnowledgeHub.Data;

/// <summary>
/// One database's <see cref="ReadPlan"/>s by SQL text, row type and parameter type. Per database, so
/// that the same SQL against another schema never meets a plan made for this one.
/// </summary>
internal sealed class ReadPlans
{
    // Lists keep one text (Dapper expands IN @list on the command, after the lookup), but SQL assembled
    // per request (optional filters, values written into the text) does not: past this many texts, new
    // ones go through Dapper as before instead of growing the cache (a few over, if added at once).
    internal const int Capacity = 2048;

    private readonly ConcurrentDictionary<(string Sql, Type Row, Type? Parameters), ReadPlan> _plans = new();
    private int _count;

    /// <summary>The plan for this read, or null where Dapper's own path must run.</summary>
    public ReadPlan? For(DbConnection connection, string sql, Type rowType, object? parameters)
    {
        if (!Applies(sql, rowType, parameters))
        {
            return null;
        }

        var key = (sql, rowType, parameters?.GetType());
        if (_plans.TryGetValue(key, out var plan))
        {
            return plan;
        }

        // Counted here: the dictionary's own count takes all its locks, on every call once it is full.
        if (Volatile.Read(ref _count) >= Capacity)
        {
            return null;
        }

        // Two first calls may both build one; either is right, and the first stored is kept.
        var created = ReadPlan.Create(connection, sql, rowType, parameters);
        if (_plans.TryAdd(key, created))
        {
            Interlocked.Increment(ref _count);
            return created;
        }

        return _plans[key];
    }

    /// <summary>
    /// The reads a plan reproduces exactly. Left to Dapper: dynamic rows (their column names come
    /// from the first reader), a sequence of parameter sets (Dapper refuses it here) and Dapper's
    /// pseudo-positional <c>?name?</c> parameters.
    /// </summary>
    private static bool Applies(string sql, Type rowType, object? parameters) =>
        ReadPlan.Supported
        && rowType != typeof(object)
        && !sql.Contains('?', StringComparison.Ordinal)
        && parameters is null or Dapper.SqlMapper.IDynamicParameters or IEnumerable<KeyValuePair<string, object>> or not (IEnumerable and not string);
}
