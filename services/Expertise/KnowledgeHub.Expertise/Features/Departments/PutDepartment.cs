using System.Security.Claims;
using KnowledgeHub.Messaging.Audit;
using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Expertise.Features.Departments;

internal static class PutDepartment
{
    internal sealed record Request(string? Name);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/departments/{code}", HandleAsync)
            .RequireAuthorization(Policies.Admin)
            .WithName(nameof(PutDepartment))
            .WithSummary("Create or rename a department (admins).");

    private static async Task<Results<Ok<DepartmentResponse>, ValidationProblem>> HandleAsync(
        string code,
        Request request,
        ExpertiseDatabase database,
        DepartmentDirectory departments,
        ClaimsPrincipal user,
        AuditTrail<ExpertiseDatabase> audit,
        CancellationToken cancellationToken)
    {
        var normalized = DepartmentCodes.Normalize(code);
        var validation = new Validation()
            .Require(normalized is not null, "code", $"A department code is {DepartmentCodes.Rule}.")
            .RequireText(request.Name, "name", 100);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var name = request.Name!.Trim();
        await using var work = await database.BeginAsync(cancellationToken);
        await departments.PutAsync(work, normalized!, name);
        await audit.RecordAsync(work, user, "department.saved", $"department:{normalized}", ("name", name));
        await work.CommitAsync();
        return TypedResults.Ok(new DepartmentResponse(normalized!, name));
    }
}
