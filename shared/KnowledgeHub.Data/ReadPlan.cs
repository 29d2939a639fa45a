using System.Data;
using System.Data.Common;
using System.Reflection;
using Dapper;

namespace KnowledgeHub.Data;

/// <summary>
/// What Dapper works out for one SQL text, row type and parameter type, kept so a repeated read does
/// not work it out again: the parameter binder Dapper generates, and the row parser Dapper generates
/// for the result's shape. Dapper itself redoes an <see cref="SqlMapper.Identity"/>, a cache lookup and
/// a hash of every column's name and type on every call (ADR 0085).
/// </summary>
internal sealed class ReadPlan
{
    // Dapper makes its identities internally; its public parameter generator needs one. Null if a
    // Dapper upgrade changes the constructor: then every read takes Dapper's own path (ReadPlans.For).
    private static readonly ConstructorInfo? IdentityConstructor = typeof(SqlMapper.Identity).GetConstructor(
        BindingFlags.Instance | BindingFlags.NonPublic, [typeof(string), typeof(CommandType?), typeof(IDbConnection), typeof(Type), typeof(Type)]);

    private readonly Type _rowType;
    private readonly Action<IDbCommand, object>? _bindParameters;
    private RowShape? _shape;

    private ReadPlan(Type rowType, Action<IDbCommand, object>? bindParameters)
    {
        _rowType = rowType;
        _bindParameters = bindParameters;
    }

    public static bool Supported => IdentityConstructor is not null;

    public static ReadPlan Create(DbConnection connection, string sql, Type rowType, object? parameters)
    {
        if (parameters is null)
        {
            return new ReadPlan(rowType, null);
        }

        var identity = (SqlMapper.Identity)IdentityConstructor!.Invoke([sql, null, connection, rowType, parameters.GetType()]);
        // The three kinds of parameters Dapper's query cache distinguishes, bound as it binds them.
        Action<IDbCommand, object> bind = parameters switch
        {
            SqlMapper.IDynamicParameters => (command, values) => ((SqlMapper.IDynamicParameters)values).AddParameters(command, identity),
            IEnumerable<KeyValuePair<string, object>> => (command, values) => ((SqlMapper.IDynamicParameters)new DynamicParameters(values)).AddParameters(command, identity),
            _ => SqlMapper.CreateParamInfoGenerator(identity, checkForDuplicates: false, removeUnused: true),
        };
        return new ReadPlan(rowType, bind);
    }

    /// <summary>A command for this plan's SQL with the parameters bound, as Dapper would set it up.</summary>
    public DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, object? parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        if (SqlMapper.Settings.CommandTimeout is { } timeout)
        {
            command.CommandTimeout = timeout;
        }

        if (parameters is not null)
        {
            _bindParameters!(command, parameters);
        }

        return command;
    }

    /// <summary>
    /// Dapper's parser for the reader's current shape: built on the first read, rebuilt when the
    /// number or the types of the columns differ (Dapper's own test, less the names, which the SQL
    /// text fixes within one database). On SQLite the types are those of the first row, as Dapper sees them.
    /// </summary>
    public Func<DbDataReader, object> Parser(DbDataReader reader)
    {
        var shape = Volatile.Read(ref _shape);
        if (shape is null || !shape.Fits(reader))
        {
            shape = new RowShape(reader, reader.GetRowParser(_rowType));
            Volatile.Write(ref _shape, shape);
        }

        return shape.Parse;
    }

    private sealed class RowShape(DbDataReader reader, Func<DbDataReader, object> parse)
    {
        private readonly Type[] _fieldTypes = FieldTypes(reader);

        public Func<DbDataReader, object> Parse { get; } = parse;

        public bool Fits(DbDataReader reader)
        {
            if (reader.FieldCount != _fieldTypes.Length)
            {
                return false;
            }

            for (var field = 0; field < _fieldTypes.Length; field++)
            {
                if (reader.GetFieldType(field) != _fieldTypes[field])
                {
                    return false;
                }
            }

            return true;
        }

        private static Type[] FieldTypes(DbDataReader reader)
        {
            var types = new Type[reader.FieldCount];
            for (var field = 0; field < types.Length; field++)
            {
                types[field] = reader.GetFieldType(field);
            }

            return types;
        }
    }
}
