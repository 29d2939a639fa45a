namespace KnowledgeHub.ServiceDefaults.Auth;

/// <summary>The global roles a token can carry. Community lead is per community, not global.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Executive = "executive";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Admin, Executive };
}

/// <summary>Names of the authorization policies every service registers.</summary>
public static class Policies
{
    public const string Admin = "admin";

    /// <summary>Executives and admins.</summary>
    public const string Executive = "executive";
}

/// <summary>The claim types KnowledgeHub tokens carry, unmapped.</summary>
public static class HubClaims
{
    public const string Subject = "sub";
    public const string Email = "email";
    public const string Name = "name";
    public const string Department = "department";
    public const string Roles = "roles";
}
