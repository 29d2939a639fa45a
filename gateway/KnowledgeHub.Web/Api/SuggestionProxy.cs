using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KnowledgeHub.Web.Api;

/// <summary>
/// Search suggestions for the page's script, which cannot read the HttpOnly token cookie: the
/// server adds the token and asks the API.
/// </summary>
internal static class SuggestionProxy
{
    public static async Task<Results<Ok<IReadOnlyList<SearchSuggestion>>, UnauthorizedHttpResult>> HandleAsync(string? q, HubApi api, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            return TypedResults.Ok<IReadOnlyList<SearchSuggestion>>([]);
        }

        try
        {
            var result = await api.GetAsync<List<SearchSuggestion>>($"/api/search/suggest?limit=8&q={Uri.EscapeDataString(q)}", ct);
            return TypedResults.Ok<IReadOnlyList<SearchSuggestion>>(result.Value ?? []);
        }
        catch (SignInRequiredException)
        {
            return TypedResults.Unauthorized();
        }
    }
}
