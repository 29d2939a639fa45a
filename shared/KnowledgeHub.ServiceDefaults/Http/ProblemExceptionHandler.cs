using System.Data.Common;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace KnowledgeHub.ServiceDefaults.Http;

/// <summary>
/// Turns exceptions into RFC 9457 problems: what the client got wrong becomes a 4xx naming it,
/// an unreachable database becomes a quick 503, and anything else a 500 without internals.
/// </summary>
internal sealed partial class ProblemExceptionHandler(
    IProblemDetailsService problemDetails,
    ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var problem = Describe(exception);
        if (problem.Status >= StatusCodes.Status500InternalServerError)
        {
            LogUnhandled(logger, exception, context.Request.Method, context.Request.Path);
        }

        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            context.Response.Headers.RetryAfter = "5";
        }

        context.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static ProblemDetails Describe(Exception exception) => exception switch
    {
        BadHttpRequestException { InnerException: JsonException json } => InvalidJson(json),
        BadHttpRequestException badRequest when BindFailures.FieldOf(badRequest.Message) is { } field =>
            new ValidationProblemDetails(new Dictionary<string, string[]>
            {
                [field] = [$"'{field}' is missing or has the wrong format."],
            })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request has invalid fields.",
            },
        BadHttpRequestException badRequest => new ProblemDetails
        {
            Status = badRequest.StatusCode,
            Title = badRequest.StatusCode switch
            {
                StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
                StatusCodes.Status415UnsupportedMediaType => "The request body must be JSON (Content-Type: application/json).",
                _ => "The request is malformed.",
            },
            Detail = badRequest.Message,
        },
        JsonException json => InvalidJson(json),
        DbException { IsTransient: true } or TimeoutException => new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = "The service is temporarily unavailable. Try again shortly.",
        },
        _ => new ProblemDetails
        {
            Status = StatusCodes.Status500InternalServerError,
            Title = "An unexpected error occurred.",
        },
    };

    private static ValidationProblemDetails InvalidJson(JsonException json)
    {
        var field = JsonPaths.ToFieldName(json.Path);
        return new ValidationProblemDetails(new Dictionary<string, string[]>
        {
            [field] = [field == "body" ? "The body is not valid JSON." : "The value has the wrong type or format."],
        })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request body is not valid JSON for this operation.",
        };
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);
}
