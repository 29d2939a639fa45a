using KnowledgeHub.Data;
using KnowledgeHub.Testing;
using MassTransit;
using Microsoft.AspNetCore.Builder;

namespace KnowledgeHub.Expertise.Tests;

public abstract class ExpertiseFixture(DatabaseProvider provider) : ModuleFixture(ExpertiseModule.Name, provider)
{
    private readonly Lazy<ConsumedMessages> _consumed = new(() => new ConsumedMessages());
    private bool _observing;

    /// <summary>Messages the module's consumers have finished with; connected on first use.</summary>
    public ConsumedMessages Consumed
    {
        get
        {
            lock (_consumed)
            {
                if (!_observing)
                {
                    Host.Get<IBus>().ConnectConsumeObserver(_consumed.Value);
                    _observing = true;
                }
            }

            return _consumed.Value;
        }
    }

    /// <summary>The bearer token SCIM clients of the tests present (ADR 0068).</summary>
    public const string ScimToken = "scim-test-token-0123456789abcdefghijklmnop";

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?> { ["Scim:Token"] = ScimToken };

    /// <summary>A client of the SCIM endpoints, as the organisation's directory calls them.</summary>
    public HttpClient ScimClient(string token = ScimToken)
    {
        var client = Host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    protected override void AddModule(WebApplicationBuilder builder) => builder.AddExpertise();

    protected override void MapModule(WebApplication app) => app.MapExpertise();

    /// <summary>A new person with a profile (their first visit), and a client signed in as them.</summary>
    public async Task<(TestUser User, HttpClient Client)> PersonAsync(string name = "employee", string department = "IT")
    {
        var user = TestUser.Employee(name, department);
        var client = Host.CreateClient(user);
        await client.GetJsonAsync("/api/people/me");
        return (user, client);
    }

    /// <summary>
    /// A skill no other test uses, put into the taxonomy by an admin: tags become evidence only for
    /// skills the taxonomy knows (ADR 0041).
    /// </summary>
    public async Task<string> SkillAsync(string prefix = "skill")
    {
        var tag = Evidence.UniqueTag(prefix);
        await Host.CreateClient(TestUser.Admin()).PutJsonAsync($"/api/skills/{tag}", new { }, System.Net.HttpStatusCode.OK);
        return tag;
    }

    /// <summary>Publishes an event as another service would and waits until the module's consumer is done with it.</summary>
    public async Task<Guid> DeliverAsync<T>(T message, Guid? messageId = null)
        where T : class
    {
        var consumed = Consumed;
        var id = await Host.PublishAsync(message, messageId);
        await consumed.WaitForAsync(id, typeof(T).Name);
        return id;
    }

    /// <summary>Publishes many events of any types at once, then waits until every one was consumed; returns their message ids.</summary>
    public async Task<IReadOnlyList<Guid>> DeliverAllAsync(IEnumerable<object> messages)
    {
        var consumed = Consumed;
        var bus = Host.Get<IBus>();
        var published = new List<Guid>();
        foreach (var message in messages)
        {
            var id = Guid.NewGuid();
            await bus.Publish(message, message.GetType(), context => context.MessageId = id);
            published.Add(id);
        }

        foreach (var id in published)
        {
            await consumed.WaitForAsync(id, "published event");
        }

        return published;
    }
}

public sealed class SqliteExpertise() : ExpertiseFixture(DatabaseProvider.Sqlite);

public sealed class PostgresExpertise() : ExpertiseFixture(DatabaseProvider.Postgres);
