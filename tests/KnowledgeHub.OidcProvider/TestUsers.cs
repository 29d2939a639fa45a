namespace KnowledgeHub.OidcProvider;

/// <summary>The people who can sign in here. The password of each is their user name followed by "-password".</summary>
public static class TestUsers
{
    public sealed record User(string UserName, string Name, string Email, IReadOnlyList<string> Roles);

    public static readonly IReadOnlyList<User> All =
    [
        new("ada", "Ada Admin", "ada@oidc.example", ["admin"]),
        new("eve", "Eve Employee", "eve@oidc.example", []),
        new("max", "Max Executive", "max@oidc.example", ["executive"]),
    ];

    public static User? Find(string? userName, string? password) =>
        All.FirstOrDefault(user => user.UserName == userName && password == user.UserName + "-password");

    public static User? Find(string? userName) => All.FirstOrDefault(user => user.UserName == userName);
}
