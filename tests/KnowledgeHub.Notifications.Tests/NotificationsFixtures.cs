using Dapper;
using KnowledgeHub.Contracts.Communities;
using KnowledgeHub.Contracts.Expertise;
using KnowledgeHub.Data;
using KnowledgeHub.Testing;
using Microsoft.AspNetCore.Builder;

namespace KnowledgeHub.Notifications.Tests;

public abstract class NotificationsFixture(DatabaseProvider provider) : ModuleFixture(NotificationsModule.Name, provider)
{
    protected override void AddModule(WebApplicationBuilder builder) => builder.AddNotifications();

    protected override void MapModule(WebApplication app) => app.MapNotifications();

    /// <summary>Announces people as Expertise would and waits until Notifications knows them.</summary>
    public async Task KnowPeopleAsync(params TestUser[] people)
    {
        foreach (var person in people)
        {
            await Host.PublishAsync(new PersonProfileChanged(person.Id, person.Email, person.DisplayName, person.Department, null, null, null, [], 1, DateTimeOffset.UtcNow));
        }

        await UntilAsync($"SELECT count(*) FROM people WHERE {Dialect.InList("id", "@Ids")}", new { Ids = people.Select(person => person.Id).ToList() }, people.Length, "the people");
    }

    /// <summary>
    /// A community as Communities announces it, with its lead and active members, and waits until
    /// Notifications knows them all.
    /// </summary>
    public async Task<Guid> KnowCommunityAsync(string visibility, TestUser lead, params TestUser[] members)
    {
        var id = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        await Host.PublishAsync(new CommunityChanged(id, $"community-{id:N}", $"Community {id:N}"[..18], "", ["kubernetes"], visibility, 1, now, now));
        await Host.PublishAsync(new CommunityMembershipChanged(id, lead.Id, "lead", "active", 1, now));
        foreach (var member in members)
        {
            await Host.PublishAsync(new CommunityMembershipChanged(id, member.Id, "member", "active", 1, now));
        }

        await UntilAsync("SELECT count(*) FROM communities WHERE id = @Id", new { Id = id }, 1, "the community");
        await UntilAsync("SELECT count(*) FROM memberships WHERE community_id = @Id AND status = 'active'", new { Id = id }, members.Length + 1, "the memberships");
        return id;
    }

    /// <summary>Waits until a count over the service's database reaches <paramref name="expected"/>.</summary>
    public Task UntilAsync(string countSql, object parameters, long expected, string what) =>
        Eventually.AssertAsync(
            async () =>
            {
                await using var connection = await Host.Get<NotificationsDatabase>().OpenAsync();
                return await connection.ExecuteScalarAsync<long>(countSql, parameters) == expected;
            },
            TimeSpan.FromSeconds(10),
            what);

    public SqlDialect Dialect => Host.Get<NotificationsDatabase>().Dialect;
}

public sealed class SqliteNotifications() : NotificationsFixture(DatabaseProvider.Sqlite);

public sealed class PostgresNotifications() : NotificationsFixture(DatabaseProvider.Postgres);
