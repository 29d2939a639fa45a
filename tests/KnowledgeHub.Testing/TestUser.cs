
namespace KnowledgeHub.Testing;

/// <summary>A person the tests act as; every name is made unique so tests sharing a host never collide.</summary>
public sealed record TestUser(string Email, string DisplayName, string Department, IReadOnlyList<string> Roles)
{
    public Guid Id => ServiceDefaults.Auth.PersonIds.FromEmail(Email);

    public static TestUser Employee(string name = "employee", string department = "IT") => Create(name, department);

    public static TestUser Admin(string name = "admin", string department = "IT") => Create(name, department, ServiceDefaults.Auth.Roles.Admin);

    public static TestUser Executive(string name = "executive", string department = "EXEC") => Create(name, department, ServiceDefaults.Auth.Roles.Executive);

    private static TestUser Create(string name, string department, params string[] roles)
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        return new TestUser($"{name}.{unique}@example.com", $"{char.ToUpperInvariant(name[0])}{name[1..]} {unique}", department, roles);
    }
}
