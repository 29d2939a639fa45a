using System.Collections.Concurrent;
using System.Security.Claims;
using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Communities.Features.Posts;

/// <summary>
/// Renders Markdown exactly as a published post or answer would be, without storing anything: the
/// editor's preview, with the same sanitizer, so what the writer sees is what readers will get.
/// </summary>
internal static class PreviewPost
{
    internal sealed record Request(string? Body);

    internal sealed record Response(string BodyHtml);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/posts/preview", HandleAsync)
            .WithName(nameof(PreviewPost))
            .WithSummary("The HTML a Markdown body would be published as; nothing is stored.");

    // A preview writes nothing and leaves no trace, so one person renders one at a time (issue 24:
    // previews within the rate limit slowed everyone's searches a hundredfold).
    private static readonly ConcurrentDictionary<Guid, bool> Rendering = new();

    private static async Task<Results<Ok<Response>, ValidationProblem, ProblemHttpResult>> HandleAsync(Request request, ClaimsPrincipal user)
    {
        var me = user.PersonId();
        if (!Rendering.TryAdd(me, true))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "One preview at a time: wait for the previous one.");
        }

        try
        {
            var validation = new Validation().RequireText(request.Body, "body", PostRules.MaxBodyLength);
            var html = await SafeMarkdown.RenderAsync(request.Body, "body", validation);
            return validation.IsValid ? TypedResults.Ok(new Response(html!)) : validation.ToProblem();
        }
        finally
        {
            Rendering.TryRemove(me, out _);
        }
    }
}
