using KnowledgeHub.Contracts.Expertise;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging.Outbox;

namespace KnowledgeHub.Expertise.Features.Departments;

internal sealed record DepartmentResponse(string Code, string Name);

internal sealed class DepartmentDirectory(Outbox<ExpertiseDatabase> outbox, TimeProvider time)
{
    public static Task<bool> ExistsAsync(UnitOfWork work, string code) =>
        work.ScalarAsync<bool>(
            "SELECT count(*) > 0 FROM departments WHERE code = @Code",
            new { Code = code });

    /// <summary>
    /// Departments named by trusted sources (the identity provider's token, an admin's import, the
    /// organisation's directory) come into being on first mention, named after their code unless
    /// the source gave a name, until an admin renames them.
    /// </summary>
    public async Task EnsureAsync(UnitOfWork work, string code, string? name = null)
    {
        var now = time.UtcNowForDatabase();
        var created = await work.ExecuteAsync(
            """
            INSERT INTO departments (code, name, version, updated_at) VALUES (@Code, @Name, 1, @Now)
            ON CONFLICT (code) DO NOTHING
            """,
            new { Code = code, Name = name ?? code, Now = now });
        if (created == 1)
        {
            await outbox.EnqueueAsync(work, new DepartmentChanged(code, name ?? code, 1, now));
        }
    }

    /// <summary>Creates or renames a department and announces it.</summary>
    public async Task PutAsync(UnitOfWork work, string code, string name)
    {
        var now = time.UtcNowForDatabase();
        var version = await work.ScalarAsync<long>(
            """
            INSERT INTO departments (code, name, version, updated_at) VALUES (@Code, @Name, 1, @Now)
            ON CONFLICT (code) DO UPDATE SET name = excluded.name, version = departments.version + 1, updated_at = excluded.updated_at
            RETURNING version
            """,
            new { Code = code, Name = name, Now = now });
        await outbox.EnqueueAsync(work, new DepartmentChanged(code, name, version, now));
    }
}
