using KnowledgeHub.Contracts.Expertise;
using KnowledgeHub.Data;

namespace KnowledgeHub.Messaging.Departments;

/// <summary>
/// A module's copy of the departments the directory (Expertise) announces, in its own
/// <c>departments (code, name, version)</c> table; an older event never overwrites a newer one.
/// </summary>
public static class DepartmentNames
{
    public static Task ApplyAsync(UnitOfWork work, DepartmentChanged message)
    {
        if (string.IsNullOrWhiteSpace(message.Code) || string.IsNullOrWhiteSpace(message.Name) || message.Version < 1)
        {
            throw new InvalidEventException("A DepartmentChanged needs a code, a name and a version.");
        }

        return work.ExecuteAsync(
            """
            INSERT INTO departments (code, name, version) VALUES (@Code, @Name, @Version)
            ON CONFLICT (code) DO UPDATE SET name = excluded.name, version = excluded.version
            WHERE departments.version < excluded.version
            """,
            new { message.Code, message.Name, message.Version });
    }
}
