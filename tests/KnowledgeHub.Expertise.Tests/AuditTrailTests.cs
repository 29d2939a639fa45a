using System.Net;
using System.Text.Json.Nodes;
using Dapper;
using KnowledgeHub.Contracts.Expertise;
using KnowledgeHub.Data;
using KnowledgeHub.Expertise.Features.Audit;
using KnowledgeHub.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace KnowledgeHub.Expertise.Tests;

/// <summary>The audit trail every service records into: append-only, hash-chained, for admins (ADR 0069).</summary>
public abstract class AuditTrailTests(ExpertiseFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private HttpClient Admin { get; } = fixture.Host.CreateClient(TestUser.Admin());

    [Fact]
    public async Task An_admins_change_is_recorded_with_who_what_and_on_what_and_found_by_its_target()
    {
        var admin = TestUser.Admin("auditing admin");
        var code = "AU" + Random.Shared.Next(1000, 9999);
        await fixture.Host.CreateClient(admin).PutJsonAsync($"/api/departments/{code}", new { name = "Audit office" }, HttpStatusCode.OK);

        var entry = await EntryAsync($"target=department:{code}");

        Assert.Equal(admin.Id.ToString(), entry["actor"]!.GetValue<string>());
        Assert.Equal("department.saved", entry["action"]!.GetValue<string>());
        Assert.Equal("expertise", entry["service"]!.GetValue<string>());
        Assert.Equal("Audit office", entry["details"]!["name"]!.GetValue<string>());
        Assert.Equal(64, entry["hash"]!.GetValue<string>().Length);
        var byActor = await Admin.GetJsonAsync($"/api/audit?actor={admin.Id}&action=department.saved");
        Assert.Contains(entry["id"]!.GetValue<string>(), Ids(byActor));
    }

    [Fact]
    public async Task The_trail_pages_newest_first_and_each_entry_links_to_the_one_before()
    {
        var target = $"community:{Guid.NewGuid()}";
        await fixture.DeliverAllAsync(Enumerable.Range(1, 5).Select(index => Audited(target, $"test.step-{index}")));

        var first = await Admin.GetJsonAsync($"/api/audit?target={target}&limit=3");
        var second = await Admin.GetJsonAsync($"/api/audit?target={target}&limit=3&cursor={first["nextCursor"]!.GetValue<string>()}");

        var pages = first["items"]!.AsArray().Concat(second["items"]!.AsArray()).ToList();
        Assert.Equal(5, pages.Count);
        Assert.Null(second["nextCursor"]);
        var sequences = pages.Select(entry => entry!["sequence"]!.GetValue<long>()).ToList();
        Assert.Equal(sequences.OrderDescending(), sequences);
        var unfiltered = await Admin.GetJsonAsync("/api/audit?limit=2");
        var (newer, older) = (unfiltered["items"]![0]!, unfiltered["items"]![1]!);
        Assert.Equal(older["hash"]!.GetValue<string>(), newer["previousHash"]!.GetValue<string>());
    }

    [Fact]
    public async Task Entries_recorded_at_once_form_one_unbroken_chain_and_a_redelivery_adds_nothing()
    {
        var target = $"project:{Guid.NewGuid()}";
        var messages = Enumerable.Range(1, 40).Select(index => Audited(target, "test.concurrent")).ToList<object>();
        var ids = await fixture.DeliverAllAsync(messages);
        await fixture.DeliverAsync((ActionAudited)messages[0], ids[0]);

        var page = await Admin.GetJsonAsync($"/api/audit?target={target}&limit=100");
        Assert.Equal(40, page["items"]!.AsArray().Count);
        var verification = await Admin.GetJsonAsync("/api/audit/verify");
        Assert.True(verification["ok"]!.GetValue<bool>(), verification.ToJsonString());
        Assert.True(verification["checked"]!.GetValue<long>() >= 40);
    }

    [Fact]
    public async Task The_chain_verifies_while_entries_are_appended()
    {
        var target = $"community:{Guid.NewGuid()}";
        var appending = fixture.DeliverAllAsync(Enumerable.Range(1, 60).Select(index => Audited(target, "test.during-verify")));

        var verifications = new List<JsonNode>();
        while (!appending.IsCompleted)
        {
            verifications.Add(await Admin.GetJsonAsync("/api/audit/verify"));
        }

        await appending;
        verifications.Add(await Admin.GetJsonAsync("/api/audit/verify"));
        Assert.All(verifications, verification => Assert.True(verification["ok"]!.GetValue<bool>(), verification.ToJsonString()));
    }

    [Fact]
    public async Task The_database_refuses_to_change_or_remove_an_entry_and_a_row_changed_anyway_is_detected()
    {
        var target = $"person:{Guid.NewGuid()}";
        await fixture.DeliverAsync(Audited(target, "test.tamper"));
        var entry = await EntryAsync($"target={target}");
        var id = Guid.Parse(entry["id"]!.GetValue<string>());
        var database = fixture.Host.Get<ExpertiseDatabase>();
        await using var connection = await database.OpenAsync(TestContext.Current.CancellationToken);

        await Assert.ThrowsAnyAsync<Exception>(() => connection.ExecuteAsync("UPDATE audit_entries SET action = 'test.innocent' WHERE id = @Id", new { Id = id }));
        await Assert.ThrowsAnyAsync<Exception>(() => connection.ExecuteAsync("DELETE FROM audit_entries WHERE id = @Id", new { Id = id }));

        // Someone with the rights to drop the guard changes the entry: the chain no longer holds there.
        await connection.ExecuteAsync("DROP TRIGGER audit_entries_no_rewrite" + (database.Dialect == SqlDialect.Postgres ? " ON audit_entries" : ""));
        try
        {
            await connection.ExecuteAsync("UPDATE audit_entries SET action = 'test.innocent' WHERE id = @Id", new { Id = id });
            var broken = await Admin.GetJsonAsync("/api/audit/verify");
            Assert.False(broken["ok"]!.GetValue<bool>());
            Assert.Equal(id.ToString(), broken["firstBroken"]!.GetValue<string>());
            Assert.Equal(entry["sequence"]!.GetValue<long>(), broken["brokenAtSequence"]!.GetValue<long>());
        }
        finally
        {
            await connection.ExecuteAsync("UPDATE audit_entries SET action = 'test.tamper' WHERE id = @Id", new { Id = id });
            await connection.ExecuteAsync(RewriteGuard(database.Dialect));
        }

        Assert.True((await Admin.GetJsonAsync("/api/audit/verify"))["ok"]!.GetValue<bool>());
    }

    [Fact]
    public async Task The_export_is_json_lines_oldest_first_with_the_hashes_to_check_outside_the_hub()
    {
        var target = $"objective:{Guid.NewGuid()}";
        foreach (var index in Enumerable.Range(1, 3))
        {
            await fixture.DeliverAsync(Audited(target, $"test.export-{index}"));
        }

        using var response = await Admin.GetAsync($"/api/audit/export?target={target}");

        await response.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var entries = lines.Select(line => JsonNode.Parse(line)!).ToList();
        Assert.Equal(["test.export-1", "test.export-2", "test.export-3"], entries.Select(entry => entry["action"]!.GetValue<string>()));
        Assert.All(entries, entry => Assert.Equal(64, entry["hash"]!.GetValue<string>().Length));
    }

    [Fact]
    public async Task Details_past_their_retention_are_blanked_and_the_chain_still_verifies()
    {
        var settings = fixture.Host.Get<AuditSettings>();
        var (old, recent) = ($"person:{Guid.NewGuid()}", $"person:{Guid.NewGuid()}");
        await fixture.DeliverAsync(Audited(old, "test.old") with { At = DateTimeOffset.UtcNow - settings.DetailRetention - TimeSpan.FromDays(1) });
        await fixture.DeliverAsync(Audited(recent, "test.recent"));

        var pruner = new AuditDetailPruner(fixture.Host.Get<ExpertiseDatabase>(), settings, TimeProvider.System, NullLogger<AuditDetailPruner>.Instance);
        Assert.Equal(1, await pruner.PruneAsync(TestContext.Current.CancellationToken));

        var pruned = await EntryAsync($"target={old}");
        Assert.Equal(("test.old", null), (pruned["action"]!.GetValue<string>(), pruned["details"]));
        Assert.NotNull((await EntryAsync($"target={recent}"))["details"]);
        Assert.True((await Admin.GetJsonAsync("/api/audit/verify"))["ok"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", "to")]
    public async Task A_bad_filter_is_refused_naming_it(string query, string field)
    {
        using var response = await Admin.GetAsync($"/api/audit?{query}");

        await response.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.NotNull((await response.ReadJsonAsync())["errors"]![field]);
    }

    [Fact]
    public async Task Only_admins_read_the_trail()
    {
        var employee = fixture.Host.CreateClient(TestUser.Employee());

        foreach (var route in new[] { "/api/audit", "/api/audit/verify", "/api/audit/export" })
        {
            using var response = await employee.GetAsync(route);
            await response.EnsureStatusAsync(HttpStatusCode.Forbidden);
        }
    }

    private static ActionAudited Audited(string target, string action) =>
        new(Guid.CreateVersion7(), DateTimeOffset.UtcNow, Guid.NewGuid().ToString(), action, target, "test", new Dictionary<string, string> { ["note"] = action });

    private async Task<JsonNode> EntryAsync(string filter) =>
        await Eventually.GetAsync(
            async () => (await Admin.GetJsonAsync($"/api/audit?{filter}"))["items"]!.AsArray().FirstOrDefault(),
            Patience,
            $"an audit entry with {filter}");

    private static IEnumerable<string> Ids(JsonNode page) =>
        page["items"]!.AsArray().Select(entry => entry!["id"]!.GetValue<string>());

    /// <summary>The guard of the migration, put back after a test removed it.</summary>
    private static string RewriteGuard(SqlDialect dialect) => dialect == SqlDialect.Postgres
        ? """
          CREATE TRIGGER audit_entries_no_rewrite
              BEFORE UPDATE OF seq, id, at, actor, action, target, service, details_digest, previous_hash, hash ON audit_entries
              FOR EACH ROW EXECUTE FUNCTION audit_entries_refuse()
          """
        : """
          CREATE TRIGGER audit_entries_no_rewrite
              BEFORE UPDATE OF seq, id, at, actor, action, target, service, details_digest, previous_hash, hash ON audit_entries
          BEGIN
              SELECT RAISE(ABORT, 'audit entries are append-only');
          END
          """;
}

public sealed class Audit_trail_on_Sqlite(SqliteExpertise fixture) : AuditTrailTests(fixture), IClassFixture<SqliteExpertise>;

public sealed class Audit_trail_on_Postgres(PostgresExpertise fixture) : AuditTrailTests(fixture), IClassFixture<PostgresExpertise>;
