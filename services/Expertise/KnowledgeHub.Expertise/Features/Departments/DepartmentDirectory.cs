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
    /// Departments named by trusted sources (the identity provider's token, an admin's import)
    /// come into being on first mention, named after their code until an admin renames them.
    /// </summary>
    public async Task EnsureAsync(UnitOfWork work, string code)
    {
        var now = time.UtcNowForDatabase();
        var created = await work.ExecuteAsync(
            """
            INSERT INTO departments (code, name, version, updated_at) VALUES (@Code, @Code, 1, @Now)
            ON CONFLICT (code) DO NOTHING
            """,
            new { Code = code, Now = now });
        if (created == 1)
        {
            await outbox.EnqueueAsync(work, new DepartmentChanged(code, code, 1, now));
        }
    }
}
