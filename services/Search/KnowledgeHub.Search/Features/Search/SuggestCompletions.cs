using System.Security.Claims;
using KnowledgeHub.Search.Index;
using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Search.Features.Search;

internal static class SuggestCompletions
{
    /// <summary>Completions start once this many characters are typed; fewer match too much to help.</summary>
    public const int MinLength = 2;
    public const int DefaultLimit = 10;

    internal sealed record Item(string Text, string Type, Guid? Id);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/search/suggest", HandleAsync)
            .WithName(nameof(SuggestCompletions))
            .WithSummary("Completions while typing: titles and people's names whose words start with the typed words, and skills (type 'skill', no id). Fewer than 2 characters answer an empty list.");

    private static async Task<Results<Ok<IReadOnlyList<Item>>, ValidationProblem>> HandleAsync(
        string? q,
        int? limit,
        ClaimsPrincipal user,
        IndexGenerations generations,
        SearchDatabase database,
        CancellationToken cancellationToken)
    {
        var size = limit ?? DefaultLimit;
        var validation = new Validation()
            .OptionalText(q, "q", SearchEverything.MaxQueryLength)
            .Require(size is >= 1 and <= PageRequest.MaxLimit, "limit", $"'limit' must be between 1 and {PageRequest.MaxLimit}.");
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var text = q?.Trim() ?? "";
        if (text.Length < MinLength)
        {
            return TypedResults.Ok<IReadOnlyList<Item>>([]);
        }

        var viewerCommunities = await ViewerCommunities.OfAsync(database, user.PersonId(), cancellationToken);
        using var live = await generations.ReadAsync(cancellationToken);
        var suggestions = await live.Index.SuggestAsync(new SuggestQuery(text, viewerCommunities, size), cancellationToken);
        return TypedResults.Ok<IReadOnlyList<Item>>(suggestions.Select(suggestion => new Item(suggestion.Text, suggestion.Type, suggestion.Id)).ToList());
    }
}
