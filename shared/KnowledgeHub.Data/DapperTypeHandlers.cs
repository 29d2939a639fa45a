using System.Data;
using System.Data.Common;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;

namespace KnowledgeHub.Data;

/// <summary>
/// SQLite has no uuid or timestamp type, so ids and instants travel as canonical text there, while
/// PostgreSQL keeps its native uuid and timestamptz. Dapper's handlers are process-wide, so each
/// handler looks at the parameter it fills to decide which representation the engine wants.
/// Reads that Dapper's source generator maps get the same representations from
/// <see cref="GeneratedValueHandlers"/>, which bind and parse through the methods here (ADR 0107).
/// </summary>
public static class DapperTypeHandlers
{
    private static readonly GuidHandler Guids = new();
    private static readonly DateTimeOffsetHandler Instants = new();
    private static readonly DateOnlyHandler Dates = new();

    private const string DateFormat = "yyyy-MM-dd";

    private static int _registered;

    public static void EnsureRegistered()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1)
        {
            return;
        }

        // Dapper binds types of its built-in map itself and would never call these handlers for
        // parameters; removing the mapping hands the parameters to the handlers.
        foreach (var type in new[] { typeof(Guid), typeof(Guid?), typeof(DateTimeOffset), typeof(DateTimeOffset?), typeof(DateOnly), typeof(DateOnly?) })
        {
            SqlMapper.RemoveTypeMap(type);
        }

        SqlMapper.AddTypeHandler(Guids);
        SqlMapper.AddTypeHandler(Instants);
        SqlMapper.AddTypeHandler(Dates);
    }

    /// <summary>Fills a parameter of a command built without Dapper as Dapper would with these handlers.</summary>
    public static void SetValue(DbParameter parameter, object? value)
    {
        switch (value)
        {
            case Guid guid:
                Guids.SetValue(parameter, guid);
                break;
            case DateTimeOffset instant:
                Instants.SetValue(parameter, instant);
                break;
            case DateOnly date:
                Dates.SetValue(parameter, date);
                break;
            default:
                parameter.ResetDbType();
                parameter.Value = value ?? DBNull.Value;
                break;
        }
    }

    /// <summary>
    /// Instants as fixed-width UTC text in SQLite, so that text order is time order and
    /// comparisons in SQL stay correct.
    /// </summary>
    public static string ToSqliteText(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private sealed class GuidHandler : SqlMapper.TypeHandler<Guid>
    {
        public override void SetValue(IDbDataParameter parameter, Guid value) => Bind(parameter, value);

        public override Guid Parse(object value) => ReadGuid(value);
    }

    private sealed class DateTimeOffsetHandler : SqlMapper.TypeHandler<DateTimeOffset>
    {
        public override void SetValue(IDbDataParameter parameter, DateTimeOffset value) => Bind(parameter, value);

        public override DateTimeOffset Parse(object value) => ReadInstant(value);
    }

    /// <summary>Calendar dates as ISO text (<c>2026-11-23</c>) in SQLite, as <c>date</c> in PostgreSQL.</summary>
    private sealed class DateOnlyHandler : SqlMapper.TypeHandler<DateOnly>
    {
        public override void SetValue(IDbDataParameter parameter, DateOnly value) => Bind(parameter, value);

        public override DateOnly Parse(object value) => ReadDate(value);
    }

    internal static void Bind(IDbDataParameter parameter, Guid value)
    {
        // Upper case, exactly as Microsoft.Data.Sqlite binds a Guid itself: Dapper expands
        // IN @list elements without handlers, and both forms must compare equal as text.
        parameter.Value = parameter is SqliteParameter ? value.ToString("D").ToUpperInvariant() : value;
        parameter.DbType = parameter is SqliteParameter ? DbType.String : DbType.Guid;
    }

    internal static void Bind(IDbDataParameter parameter, DateTimeOffset value)
    {
        if (parameter is SqliteParameter)
        {
            parameter.DbType = DbType.String;
            parameter.Value = ToSqliteText(value);
        }
        else
        {
            parameter.Value = value.ToUniversalTime();
        }
    }

    internal static void Bind(IDbDataParameter parameter, DateOnly value)
    {
        if (parameter is SqliteParameter)
        {
            parameter.DbType = DbType.String;
            parameter.Value = value.ToString(DateFormat, CultureInfo.InvariantCulture);
        }
        else
        {
            parameter.DbType = DbType.Date;
            parameter.Value = value;
        }
    }

    internal static Guid ReadGuid(object? value) => value switch
    {
        Guid guid => guid,
        string text => Guid.Parse(text),
        byte[] bytes => new Guid(bytes),
        _ => throw Unreadable(value, nameof(Guid)),
    };

    internal static DateTimeOffset ReadInstant(object? value) => value switch
    {
        DateTimeOffset instant => instant,
        DateTime dateTime => new DateTimeOffset(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc)),
        string text => ParseInstant(text),
        _ => throw Unreadable(value, nameof(DateTimeOffset)),
    };

    internal static DateOnly ReadDate(object? value) => value switch
    {
        DateOnly date => date,
        DateTime dateTime => DateOnly.FromDateTime(dateTime),
        string text => ParseDate(text),
        _ => throw Unreadable(value, nameof(DateOnly)),
    };

    internal static DateTimeOffset ParseInstant(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    internal static DateOnly ParseDate(string text) => DateOnly.ParseExact(text, DateFormat, CultureInfo.InvariantCulture);

    private static DataException Unreadable(object? value, string type) =>
        new($"Cannot read a {value?.GetType().Name ?? "null"} as a {type}.");
}
