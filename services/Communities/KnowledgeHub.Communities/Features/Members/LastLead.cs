using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KnowledgeHub.Communities.Features.Members;

/// <summary>A community always keeps at least one active lead, who can approve members and edit it.</summary>
internal static class LastLead
{
    public static ProblemHttpResult CannotStepDown(string action) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: "The last lead of a community cannot " + action + ".",
            detail: "Make another active member a lead first (PUT /api/communities/{id}/members/{personId} with role 'lead').");
}
