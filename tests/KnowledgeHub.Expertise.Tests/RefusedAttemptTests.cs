using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.Expertise.Tests;

/// <summary>
/// Refused attempts reach the audit trail without letting an attacker flood it: once a minute per
/// action and reason, per process (ADR 0073). The refusals themselves are tested where they happen
/// (SCIM here, tokens in tests/KnowledgeHub.Security.Tests).
/// </summary>
public sealed class RefusedAttemptTests(SqliteExpertise fixture) : IClassFixture<SqliteExpertise>
{
    [Fact]
    public async Task Repeated_refusals_of_one_kind_are_recorded_once_and_another_kind_on_its_own()
    {
        var action = $"test.refused-{Guid.NewGuid():N}";
        var refused = fixture.Host.Get<IRefusedAttempts>();

        foreach (var reason in new[] { "wrong issuer", "wrong issuer", "wrong issuer", "expired" })
        {
            refused.Record(action, "token", reason, "/api/people/me");
        }

        var admin = fixture.Host.CreateClient(TestUser.Admin());
        var entries = await Eventually.GetAsync(
            async () => (await admin.GetJsonAsync($"/api/audit?action={action}"))["items"]!.AsArray() is { Count: 2 } items ? items : null,
            TimeSpan.FromSeconds(30),
            "the two kinds of refusal in the audit trail");
        Assert.Equal(["expired", "wrong issuer"], entries.Select(entry => entry!["details"]!["reason"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.All(entries, entry => Assert.Equal(("anonymous", "/api/people/me"), (entry!["actor"]!.GetValue<string>(), entry["details"]!["path"]!.GetValue<string>())));
        // Nothing more arrives for the suppressed two: they are counted into the next record, a minute on.
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        Assert.Equal(2, (await admin.GetJsonAsync($"/api/audit?action={action}"))["items"]!.AsArray().Count);
    }
}
