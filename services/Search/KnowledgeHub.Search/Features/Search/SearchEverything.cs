using System.Globalization;
using System.Security.Claims;
using KnowledgeHub.Search.Index;
using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Search.Features.Search;

internal static class SearchEverything
{
    public const int MaxQueryLength = 500;

    /// <summary>Deep paging costs more than it helps; refine the query instead.</summary>
    public const int MaxWindow = 1000;

    internal sealed record Response(
        int Total,
        IReadOnlyList<SearchHit> Items,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Facets,
        string? NextCursor);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/search", HandleAsync)
            .WithName(nameof(SearchEverything))
            .WithSummary("One query across people, communities, posts, projects and objectives. An empty q lists what changed most recently.");

    private static async Task<Results<Ok<Response>, ValidationProblem>> HandleAsync(
        string? q,
        string? type,
        string? department,
        string? tag,
        int? limit,
        string? cursor,
        ClaimsPrincipal user,
        IndexGenerations generations,
        SearchDatabase database,
        CancellationToken cancellationToken)
    {
        var validation = new Validation()
            .OptionalText(q, "q", MaxQueryLength)
            .OptionalText(department, "department", 32)
            .OptionalText(tag, "tag", TagList.MaxLength);
        var types = ParseTypes(type, validation);
        var page = PageRequest.Parse(limit, cursor, validation);
        var offset = 0;
        if (page?.After is not null)
        {
            validation.Require(
                page.After is [var text] && int.TryParse(text, CultureInfo.InvariantCulture, out offset) && offset is >= 0 and < MaxWindow,
                "cursor",
                "'cursor' is not a cursor this search handed out.");
        }

        if (page is null || !validation.IsValid)
        {
            return validation.ToProblem();
        }

        var limitInWindow = Math.Min(page.Limit, MaxWindow - offset);
        var viewerCommunities = await ViewerCommunities.OfAsync(database, user.PersonId(), cancellationToken);
        using var live = await generations.ReadAsync(cancellationToken);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var results = await live.Index.SearchAsync(
            new SearchQuery(
                q?.Trim(),
                types,
                department?.Trim().ToUpperInvariant(),
                tag?.Trim().ToLowerInvariant(),
                viewerCommunities,
                offset,
                limitInWindow),
            cancellationToken);
        SearchTelemetry.RecordQuery(started);

        var next = offset + results.Items.Count;
        var nextCursor = results.Items.Count == limitInWindow && next < Math.Min(results.Total, MaxWindow)
            ? PageRequest.Encode(next.ToString(CultureInfo.InvariantCulture))
            : null;
        return TypedResults.Ok(new Response(results.Total, results.Items, results.Facets, nextCursor));
    }

    private static HashSet<string> ParseTypes(string? type, Validation validation)
    {
        var types = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in (type ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var normalized = part.ToLowerInvariant();
            if (DocumentTypes.All.Contains(normalized))
            {
                types.Add(normalized);
            }
            else
            {
                validation.Add("type", $"'{(part.Length > 30 ? part[..30] : part)}' is not a type; use {string.Join(", ", DocumentTypes.All)}.");
            }
        }

        return types;
    }
}
