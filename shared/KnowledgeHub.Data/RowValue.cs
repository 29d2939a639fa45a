using System.Data.Common;
using System.Globalization;
using Dapper;

namespace KnowledgeHub.Data;

/// <summary>
/// A parsed row as the caller's type, converted as Dapper converts a row its parser did not already
/// give as that type (a count read as <c>int</c> from SQLite's 64-bit integer, for example).
/// </summary>
internal static class RowValue
{
    public static T As<T>(object? value, DbDataReader reader)
    {
        if (value is T typed)
        {
            return typed;
        }

        if (value is null && (!typeof(T).IsValueType || Nullable.GetUnderlyingType(typeof(T)) is not null))
        {
            return default!;
        }

        try
        {
            return (T)Convert(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T))!;
        }
        catch (Exception error)
        {
            // Dapper's own message (column, name, value); obsolete for callers outside Dapper, kept for the same error.
#pragma warning disable CS0618
            SqlMapper.ThrowDataException(error, 0, reader, value);
#pragma warning restore CS0618
            throw;
        }
    }

    private static object? Convert(object? value, Type type) => (value, type) switch
    {
        (Array array, { IsArray: true }) => ConvertArray(array, type.GetElementType()!),
        (DateTime dateTime, _) when type == typeof(DateOnly) => DateOnly.FromDateTime(dateTime),
        (DateTime dateTime, _) when type == typeof(TimeOnly) => TimeOnly.FromDateTime(dateTime),
        (DateOnly date, _) when type == typeof(DateTime) => date.ToDateTime(default),
        (TimeSpan time, _) when type == typeof(TimeOnly) => TimeOnly.FromTimeSpan(time),
        (TimeOnly time, _) when type == typeof(TimeSpan) => time.ToTimeSpan(),
        _ => System.Convert.ChangeType(value, type, CultureInfo.InvariantCulture),
    };

    private static Array ConvertArray(Array source, Type elementType)
    {
        var converted = Array.CreateInstance(elementType, source.Length);
        for (var index = 0; index < source.Length; index++)
        {
            converted.SetValue(System.Convert.ChangeType(source.GetValue(index), elementType, CultureInfo.InvariantCulture), index);
        }

        return converted;
    }
}
