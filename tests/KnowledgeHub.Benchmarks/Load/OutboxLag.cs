using Dapper;
using Npgsql;

namespace KnowledgeHub.Benchmarks.Load;

/// <summary>
/// Outbox lag of a hub on PostgreSQL, read from its databases (<c>knowledgehub_*</c>): per service,
/// the events committed but not yet handed to the broker and the age of the oldest. The hub reports
/// the same as a metric (ADR 0002); read here so the load command needs no metrics pipeline.
/// The worst of each, over the samples of a step, is what a step reports.
/// </summary>
internal sealed class OutboxLag(string connectionString)
{
    private readonly Dictionary<string, (long Pending, double OldestSeconds)> _worst = new(StringComparer.Ordinal);

    /// <summary>The worst seen since the last call, by service, and starts over.</summary>
    public IReadOnlyList<(string Service, long Pending, double OldestSeconds)> TakeWorst()
    {
        lock (_worst)
        {
            var worst = _worst.Select(pair => (pair.Key, pair.Value.Pending, pair.Value.OldestSeconds)).OrderBy(entry => entry.Key, StringComparer.Ordinal).ToList();
            _worst.Clear();
            return worst;
        }
    }

    public async Task SampleAsync()
    {
        // The list of databases from the maintenance database, unless the string names another.
        var listing = new NpgsqlConnectionStringBuilder(connectionString);
        listing.Database ??= "postgres";
        await using var server = new NpgsqlConnection(listing.ConnectionString);
        var databases = await server.QueryAsync<string>("SELECT datname FROM pg_database WHERE datname LIKE 'knowledgehub\\_%'");
        foreach (var name in databases)
        {
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Database = name }.ConnectionString);
            if (!await connection.ExecuteScalarAsync<bool>("SELECT to_regclass('outbox_messages') IS NOT NULL"))
            {
                continue;
            }

            var backlog = await connection.QuerySingleAsync<Backlog>(
                "SELECT count(*) AS Pending, EXTRACT(EPOCH FROM now() - min(created_at))::float8 AS OldestSeconds FROM outbox_messages WHERE published_at IS NULL");

            var service = name["knowledgehub_".Length..];
            lock (_worst)
            {
                var known = _worst.GetValueOrDefault(service);
                _worst[service] = (Math.Max(known.Pending, backlog.Pending), Math.Max(known.OldestSeconds, backlog.OldestSeconds ?? 0));
            }
        }
    }

    private sealed class Backlog
    {
        public long Pending { get; init; }

        public double? OldestSeconds { get; init; }
    }
}
