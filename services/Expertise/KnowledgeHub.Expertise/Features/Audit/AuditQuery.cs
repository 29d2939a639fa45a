using System.Globalization;
using System.Text;
using Dapper;
using KnowledgeHub.ServiceDefaults.Http;

namespace KnowledgeHub.Expertise.Features.Audit;

/// <summary>The filters a reader of the audit trail may set: who, what, on what, and when.</summary>
internal sealed record AuditQuery(string? Actor, string? Action, string? Target, DateTimeOffset? From, DateTimeOffset? To)
{
    public static AuditQuery? Parse(string? actor, string? action, string? target, DateTimeOffset? from, DateTimeOffset? to, Validation validation)
    {
        validation.OptionalText(actor, "actor", 200)
            .OptionalText(action, "action", 200)
            .OptionalText(target, "target", 300)
            .Require(from is null || to is null || from <= to, "to", "'to' must not be before 'from'.");
        return validation.IsValid ? new AuditQuery(Blank(actor), Blank(action), Blank(target), from, to) : null;
    }

    /// <summary>Adds the filters to a statement that already has a WHERE clause.</summary>
    public void AppendTo(StringBuilder sql, DynamicParameters parameters)
    {
        Append(sql, parameters, "actor = @Actor", "Actor", Actor);
        Append(sql, parameters, "action = @Action", "Action", Action);
        Append(sql, parameters, "target = @Target", "Target", Target);
        Append(sql, parameters, "at >= @From", "From", From);
        Append(sql, parameters, "at <= @To", "To", To);
    }

    /// <summary>The position a cursor this trail handed out points at, or null for a foreign cursor.</summary>
    public static long? PositionOf(PageRequest page) =>
        page.After is [var text] && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seq) ? seq : null;

    private static void Append(StringBuilder sql, DynamicParameters parameters, string condition, string name, object? value)
    {
        if (value is not null)
        {
            sql.Append(" AND ").Append(condition);
            parameters.Add(name, value);
        }
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
