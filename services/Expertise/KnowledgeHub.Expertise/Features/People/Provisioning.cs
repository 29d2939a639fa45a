using System.Security.Claims;
using KnowledgeHub.Data;
using KnowledgeHub.Expertise.Features.Departments;
using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.ServiceDefaults.Http;

namespace KnowledgeHub.Expertise.Features.People;

/// <summary>
/// A person's first request creates their profile from what their token says: directly on this
/// module's routes, and through <c>PersonSeen</c> when their first request went to another service.
/// </summary>
internal sealed class Provisioning(DepartmentDirectory departments, PersonChanges changes, TimeProvider time)
{
    public Task EnsureAsync(UnitOfWork work, ClaimsPrincipal user) =>
        EnsureAsync(work, user.PersonId(), user.Email(), user.DisplayName(), user.Department());

    public async Task EnsureAsync(UnitOfWork work, Guid id, string email, string displayName, string? department)
    {
        if (await work.ScalarAsync<bool>("SELECT count(*) > 0 FROM people WHERE id = @Id", new { Id = id }))
        {
            return;
        }

        var code = DepartmentCodes.Normalize(department) ?? DepartmentCodes.Unassigned;
        await departments.EnsureAsync(work, code);
        var now = time.UtcNowForDatabase();
        var name = Truncate(displayName, ProfileRules.MaxNameLength);
        // Two first requests of one person may race (a page loads several routes at once): the loser adds nothing.
        var created = await work.ExecuteAsync(
            """
            INSERT INTO people (id, email, display_name, name_key, department, version, created_at, updated_at)
            VALUES (@Id, @Email, @DisplayName, @NameKey, @Department, 1, @Now, @Now)
            ON CONFLICT DO NOTHING
            """,
            new { Id = id, Email = email.Trim().ToLowerInvariant(), DisplayName = name, NameKey = ProfileRules.NameKey(name), Department = code, Now = now });
        if (created > 0)
        {
            await changes.PublishAsync(work, id);
        }
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
