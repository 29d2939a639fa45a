using System.Text.Json;
using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace KnowledgeHub.Expertise.Features.Audit;

internal static class ExportAudit
{
    public const string ContentType = "application/x-ndjson";

    private static readonly ReadOnlyMemory<byte> LineEnd = "\n"u8.ToArray();

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/audit/export", HandleAsync)
            .RequireAuthorization(Policies.Admin)
            .WithName(nameof(ExportAudit))
            .WithSummary("The audit trail as JSON lines, oldest first, with the same filters as the list (admins): one entry per line, hashes included, so the chain can be checked outside the hub.");

    private static Results<PushStreamHttpResult, ValidationProblem> HandleAsync(
        string? actor,
        string? action,
        string? target,
        DateTimeOffset? from,
        DateTimeOffset? to,
        ExpertiseDatabase database,
        IOptions<JsonOptions> jsonOptions,
        HttpContext context)
    {
        var validation = new Validation();
        var query = AuditQuery.Parse(actor, action, target, from, to, validation);
        if (query is null)
        {
            return validation.ToProblem();
        }

        var json = jsonOptions.Value.SerializerOptions;
        return TypedResults.Stream(
            async body =>
            {
                await using var session = await database.OpenSessionAsync(context.RequestAborted);
                await foreach (var row in AuditReader.OldestFirstAsync(session, query, context.RequestAborted))
                {
                    await JsonSerializer.SerializeAsync(body, row.ToResponse(), json, context.RequestAborted);
                    await body.WriteAsync(LineEnd, context.RequestAborted);
                }
            },
            ContentType,
            fileDownloadName: "audit.jsonl");
    }
}
