using System.Net.Http.Headers;
using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace KnowledgeHub.Security.Tests;

/// <summary>Who calls: the seven roles of the route-by-role matrix.</summary>
public enum Role
{
    Anonymous,
    Employee,
    Member,
    Lead,
    Author,
    Executive,
    Admin,
}

/// <summary>
/// One standalone hub (every service in-process behind the gateway) for the whole suite, with one
/// person per role and the objects the checks act on, created once through the API.
/// </summary>
public sealed class SecuredHub : IAsyncLifetime
{
    public const string Collection = "secured hub";

    private readonly Dictionary<Role, TestUser> _people = new()
    {
        [Role.Employee] = TestUser.Employee("employee"),
        [Role.Member] = TestUser.Employee("member", "FIN"),
        [Role.Lead] = TestUser.Employee("lead"),
        [Role.Author] = TestUser.Employee("author", "HR"),
        [Role.Executive] = TestUser.Executive(),
        [Role.Admin] = TestUser.Admin(),
    };

    /// <summary>SCIM is on, so that the matrix shows a person's token refused there rather than SCIM switched off.</summary>
    public const string ScimToken = "secured-hub-scim-token-0123456789abcdef";

    private GatewayUnderTest _gateway = null!;

    public HubWorld World { get; private set; } = null!;

    public IServiceProvider Services => _gateway.Factory.Services;

    /// <summary>The warnings and errors the hub logged that mention <paramref name="text"/> (a trace id, say).</summary>
    public IEnumerable<string> LoggedAbout(string text) => _gateway.Logs.Warnings.Where(message => message.Contains(text, StringComparison.Ordinal));

    public TestUser Person(Role role) => _people[role];

    /// <summary>A gateway client signed in as <paramref name="role"/> (no token for anonymous).</summary>
    public HttpClient Client(Role role) =>
        role == Role.Anonymous ? _gateway.Factory.CreateClient() : ClientWithToken(TokenFor(_people[role]));

    /// <summary>A new person with <paramref name="role"/>'s department and roles.</summary>
    public TestUser FreshPerson(Role role)
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        return _people[role] with { Email = $"fresh.{unique}@example.com", DisplayName = $"Fresh {unique}" };
    }

    /// <summary>A gateway client signed in as a new person with <paramref name="role"/>'s department and roles (none for anonymous).</summary>
    public HttpClient FreshClient(Role role) =>
        role == Role.Anonymous ? Client(role) : ClientWithToken(TokenFor(FreshPerson(role)));

    public HttpClient ClientWithToken(string token)
    {
        var client = _gateway.Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public string TokenFor(TestUser user) =>
        Services.GetRequiredService<DevTokenIssuer>().Issue(user.Email, user.DisplayName, user.Department, user.Roles);

    public async ValueTask InitializeAsync()
    {
        // The sweep and the matrix send far more than a person would; the limiter has its own tests.
        _gateway = new GatewayUnderTest(
            "Development",
            ("RateLimiting:PermitsPerSecond", "100000"),
            ("RateLimiting:Burst", "100000"),
            ("Cors:AllowedOrigins:0", HeadersAndLimitsTests.TrustedOrigin),
            ("Scim:Token", ScimToken));
        World = await HubWorld.CreateAsync(this);
    }

    public async ValueTask DisposeAsync() => await _gateway.DisposeAsync();
}

[CollectionDefinition(SecuredHub.Collection)]
public sealed class SecuredHubCollection : ICollectionFixture<SecuredHub>;
