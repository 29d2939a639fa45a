using System.Security.Claims;
using KnowledgeHub.Contracts.Expertise;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging.Audit;
using KnowledgeHub.Messaging.Outbox;
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
        Outbox<ExpertiseDatabase> outbox,
        ClaimsPrincipal user,
        AuditTrail<ExpertiseDatabase> audit,
        TimeProvider time,
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
        var now = time.UtcNowForDatabase();
        await using var work = await database.BeginAsync(cancellationToken);
        var version = await work.ScalarAsync<long>(
            """
            INSERT INTO departments (code, name, version, updated_at) VALUES (@Code, @Name, 1, @Now)
            ON CONFLICT (code) DO UPDATE SET name = excluded.name, version = departments.version + 1, updated_at = excluded.updated_at
            RETURNING version
            """,
            new { Code = normalized, Name = name, Now = now });
        await outbox.EnqueueAsync(work, new DepartmentChanged(normalized!, name, version, now));
        await audit.RecordAsync(work, user, "department.saved", $"department:{normalized}", ("name", name), ("version", version));
        await work.CommitAsync();
        return TypedResults.Ok(new DepartmentResponse(normalized!, name));
    }
}
