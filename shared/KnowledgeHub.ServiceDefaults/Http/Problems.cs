using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KnowledgeHub.ServiceDefaults.Http;

/// <summary>The non-validation problems handlers answer with, all as application/problem+json.</summary>
public static class Problems
{
    /// <summary>Also the answer for things the caller may not see, so their existence does not leak.</summary>
    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"{what} was not found.");

    public static ProblemHttpResult Forbidden(string why) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "You are not allowed to do this.", detail: why);

    public static ProblemHttpResult Conflict(string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: what);

    public static ProblemHttpResult PreconditionFailed() =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status412PreconditionFailed,
            title: "The resource changed since you read it.",
            detail: "Read it again and send its current ETag in If-Match.");
}
