namespace KnowledgeHub.Data;

/// <summary>
/// The few places where SQLite and PostgreSQL need different SQL.
/// Read rows into classes with settable properties, not positional records: SQLite hands back
/// text and 64-bit integers where PostgreSQL has uuid and int, and only property mapping converts. Everything else is written
/// once, in the portable subset both engines share (ON CONFLICT, RETURNING, CTEs, window functions).
/// </summary>
public sealed class SqlDialect
{
    public static readonly SqlDialect Sqlite = new(DatabaseProvider.Sqlite);
    public static readonly SqlDialect Postgres = new(DatabaseProvider.Postgres);

    private SqlDialect(DatabaseProvider provider) => Provider = provider;

    public DatabaseProvider Provider { get; }

    /// <summary>Row locking for competing workers; SQLite has one writer at a time anyway.</summary>
    public string ForUpdateSkipLocked => Provider == DatabaseProvider.Postgres ? "FOR UPDATE SKIP LOCKED" : "";

    /// <summary>
    /// Locks the selected rows until the transaction ends, so a read-check-write cannot race another
    /// writer; SQLite's write transactions (BEGIN IMMEDIATE) are already serialised.
    /// </summary>
    public string ForUpdate => Provider == DatabaseProvider.Postgres ? "FOR UPDATE" : "";

    /// <summary>
    /// Membership in a list parameter. Dapper expands <c>IN @list</c> for SQLite but hands Npgsql
    /// an array, which PostgreSQL compares with <c>= ANY</c>.
    /// </summary>
    public string InList(string column, string parameter) =>
        Provider == DatabaseProvider.Postgres ? $"{column} = ANY({parameter})" : $"{column} IN {parameter}";

    /// <summary>
    /// <see cref="InList"/> tested on the rows found by another condition, not used to find them. With
    /// two lists on the columns of one index SQLite seeks every pair (500 people and 150 skills: 75,000
    /// seeks); the unary <c>+</c> keeps it to the first list's.
    /// </summary>
    public string InListNotSought(string column, string parameter) =>
        Provider == DatabaseProvider.Postgres ? InList(column, parameter) : $"+{InList(column, parameter)}";

    /// <summary>Concatenates a column's values over a group, separated by commas.</summary>
    public string StringAgg(string expression) =>
        Provider == DatabaseProvider.Postgres ? $"string_agg({expression}, ',')" : $"group_concat({expression}, ',')";

    /// <summary>
    /// A decimal column or aggregate that reads back as one type on every row. SQLite stores each
    /// NUMERIC value as INTEGER or REAL, whichever fits, while Dapper reads a whole result set with
    /// the types of its first row, so 100 followed by 100.5 fails unless both come back as REAL.
    /// </summary>
    public string Decimal(string expression) =>
        Provider == DatabaseProvider.Postgres ? expression : $"CAST({expression} AS REAL)";

    /// <summary>Case-insensitive LIKE: SQLite's LIKE already ignores ASCII case.</summary>
    public string CaseInsensitiveLike => Provider == DatabaseProvider.Postgres ? "ILIKE" : "LIKE";
}
