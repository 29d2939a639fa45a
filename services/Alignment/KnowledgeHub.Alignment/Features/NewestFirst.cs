using System.Globalization;
using System.Text;
using Dapper;
using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KnowledgeHub.Alignment.Features;

/// <summary>Keyset paging newest first over an instant and an id column, as every Alignment list pages.</summary>
internal static class NewestFirst
{
    /// <summary>
    /// Appends the position after the cursor (to a WHERE clause already begun), the order and the
    /// limit. False when the cursor decodes but is not one of these lists' positions.
    /// </summary>
    public static bool TryAppend(StringBuilder sql, DynamicParameters parameters, PageRequest page, string instantColumn, string idColumn)
    {
        if (page.After is not null)
        {
            if (page.After is not [var at, var id]
                || !DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var afterAt)
                || !Guid.TryParse(id, out var afterId))
            {
                return false;
            }

            sql.Append($" AND ({instantColumn} < @AfterAt OR ({instantColumn} = @AfterAt AND {idColumn} < @AfterId))");
            parameters.Add("AfterAt", afterAt);
            parameters.Add("AfterId", afterId);
        }

        sql.Append($" ORDER BY {instantColumn} DESC, {idColumn} DESC LIMIT @Take");
        parameters.Add("Take", page.Limit + 1);
        return true;
    }

    public static string[] Key(DateTimeOffset at, Guid id) => [at.ToString("O", CultureInfo.InvariantCulture), id.ToString()];

    public static ValidationProblem ForeignCursor() =>
        new Validation().Add("cursor", "'cursor' is not a cursor this list handed out.").ToProblem();
}
