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
        api.MapPost("/posts/preview", Handle)
            .WithName(nameof(PreviewPost))
            .WithSummary("The HTML a Markdown body would be published as; nothing is stored.");

    private static Results<Ok<Response>, ValidationProblem> Handle(Request request)
    {
        var validation = new Validation().RequireText(request.Body, "body", PostRules.MaxBodyLength);
        return validation.IsValid
            ? TypedResults.Ok(new Response(SafeMarkdown.ToHtml(request.Body!)))
            : validation.ToProblem();
    }
}
