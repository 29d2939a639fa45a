using System.Security.Claims;
using Dapper;
using KnowledgeHub.Data;
using KnowledgeHub.Expertise.Features.Departments;
using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.ServiceDefaults.Http;

namespace KnowledgeHub.Expertise.Features.People;

/// <summary>A person's first visit creates their profile from what their token says.</summary>
internal sealed class Provisioning(DepartmentDirectory departments, PersonChanges changes, TimeProvider time)
{
    public async Task EnsureAsync(UnitOfWork work, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var id = user.PersonId();
        var exists = await work.Connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT count(*) > 0 FROM people WHERE id = @Id", new { Id = id }, work.Transaction, cancellationToken: cancellationToken));
        if (exists)
        {
            return;
        }

        var department = DepartmentCodes.Normalize(user.Department()) ?? DepartmentCodes.Unassigned;
        await departments.EnsureAsync(work, department, cancellationToken);
        var now = time.UtcNowForDatabase();
        var email = user.Email().Trim().ToLowerInvariant();
        var displayName = Truncate(user.DisplayName(), ProfileRules.MaxNameLength);
        await work.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO people (id, email, display_name, name_key, department, version, created_at, updated_at)
            VALUES (@Id, @Email, @DisplayName, @NameKey, @Department, 1, @Now, @Now)
            """,
            new { Id = id, Email = email, DisplayName = displayName, NameKey = ProfileRules.NameKey(displayName), Department = department, Now = now },
            work.Transaction,
            cancellationToken: cancellationToken));
        await changes.PublishAsync(work, id, cancellationToken);
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
