using System.Data;
using System.Data.Common;
using Dapper;

namespace KnowledgeHub.Data;

/// <summary>
/// The representations of <see cref="DapperTypeHandlers"/> for reads that Dapper's source generator
/// maps at build time (declared with <c>[module: TypeHandler(...)]</c>, ADR 0107). Dapper's run-time
/// handlers read every value boxed and test its type on every row; these decide once per query and
/// column whether the engine hands over text (SQLite) or its native type (PostgreSQL), then read it
/// with a typed getter. Parameters are bound, and output values read, exactly as the run-time handlers do.
/// </summary>
public static class GeneratedValueHandlers
{
    public sealed class GuidHandler() : TextOrNative<Guid>(Guid.Parse, DapperTypeHandlers.Bind, DapperTypeHandlers.ReadGuid);

    public sealed class DateTimeOffsetHandler() : TextOrNative<DateTimeOffset>(DapperTypeHandlers.ParseInstant, DapperTypeHandlers.Bind, DapperTypeHandlers.ReadInstant);

    public sealed class DateOnlyHandler() : TextOrNative<DateOnly>(DapperTypeHandlers.ParseDate, DapperTypeHandlers.Bind, DapperTypeHandlers.ReadDate);

    /// <summary>
    /// Text is parsed as the run-time handlers parse it; any other column goes to the driver's own typed
    /// read, which both engines implement for these types (SQLite also from text).
    /// </summary>
    public abstract class TextOrNative<T>(Func<string, T> parseText, Action<IDbDataParameter, T> bind, Func<object?, T> read) : DbValueHandler<T>
    {
        private const int Text = 1;
        private const int Native = 0;

        public override int Tokenize(DbDataReader reader, int columnOffset) =>
            reader.GetFieldType(columnOffset) == typeof(string) ? Text : Native;

        public override T Parse(DbDataReader reader, int ordinal, int token) =>
            token == Text ? parseText(reader.GetString(ordinal)) : reader.GetFieldValue<T>(ordinal);

        protected override void SetValueCore(DbParameter parameter, T value) => bind(parameter, value);

        protected override T Parse(object? value) => read(value);
    }
}
