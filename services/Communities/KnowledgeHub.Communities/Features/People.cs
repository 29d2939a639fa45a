using System.Security.Claims;
using KnowledgeHub.Data;
using KnowledgeHub.ServiceDefaults.Auth;

namespace KnowledgeHub.Communities.Features;

/// <summary>Display names and departments, as the Expertise service last told us.</summary>
internal static class People
{
    /// <summary>
    /// Until the Expertise service's first PersonProfileChanged arrives, the caller's token says who
    /// they are; version 0 lets any real profile event overwrite it.
    /// </summary>
    public static Task RememberCallerAsync(UnitOfWork work, ClaimsPrincipal user) =>
        work.ExecuteAsync(
            """
            INSERT INTO people (id, display_name, department, version)
            VALUES (@Id, @DisplayName, @Department, 0)
            ON CONFLICT (id) DO NOTHING
            """,
            new { Id = user.PersonId(), DisplayName = user.DisplayName(), Department = user.Department() ?? "" });

    /// <summary>The person's department, or null when we do not know it.</summary>
    public static async Task<string?> DepartmentOfAsync(UnitOfWork work, Guid personId)
    {
        var department = await work.ScalarAsync<string?>(
            "SELECT department FROM people WHERE id = @PersonId",
            new { PersonId = personId });
        return string.IsNullOrEmpty(department) ? null : department;
    }
}
