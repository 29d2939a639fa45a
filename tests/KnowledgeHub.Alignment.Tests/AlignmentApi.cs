using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KnowledgeHub.Testing;

namespace KnowledgeHub.Alignment.Tests;

/// <summary>The calls the tests make often, as a client would make them.</summary>
internal static class AlignmentApi
{
    public static object Project(
        string name,
        string sponsor = "IT",
        string[]? partners = null,
        decimal planned = 100_000m,
        string currency = "EUR",
        string status = "active",
        string[]? tags = null,
        bool pilot = false,
        string? lessonsLearned = null,
        string startDate = "2026-01-01",
        string endDate = "2026-12-31") => new
        {
            name,
            description = $"{name}: the plan",
            sponsorDepartment = sponsor,
            partnerDepartments = partners ?? [],
            tags = tags ?? new[] { "cloud" },
            budget = new { planned, actual = 0m, currency },
            startDate,
            endDate,
            status,
            pilot,
            lessonsLearned,
        };

    public static object Objective(string title, string department = "IT", string period = "2026-H2", int priority = 2, object[]? keyResults = null) => new
    {
        title,
        description = $"{title}: why it matters",
        department,
        period,
        priority,
        keyResults = keyResults ?? [KeyResult("Share of workloads in the cloud", 20m, 80m, 35m, "%")],
    };

    public static object KeyResult(string title, decimal baseline, decimal target, decimal current, string unit) =>
        new { title, baseline, target, current, unit };

    public static Task<JsonNode> CreateProjectAsync(this HttpClient client, object project) =>
        client.PostJsonAsync("/api/projects", project, HttpStatusCode.Created);

    public static Task<JsonNode> CreateObjectiveAsync(this HttpClient client, object objective) =>
        client.PostJsonAsync("/api/objectives", objective, HttpStatusCode.Created);

    public static Task<JsonNode> AlignAsync(this HttpClient client, string projectId, string objectiveId, string contribution = "high") =>
        client.PutJsonAsync($"/api/projects/{projectId}/alignments/{objectiveId}", new { contribution, rationale = "Moves the key result" }, HttpStatusCode.OK);

    public static Task<JsonNode> ReportAsync(this HttpClient client, string projectId, string health) =>
        client.PostJsonAsync($"/api/projects/{projectId}/status-reports", new { health, summary = $"All {health}" }, HttpStatusCode.Created);

    public static async Task<HttpResponseMessage> PutWithIfMatchAsync(this HttpClient client, string url, object body, string? etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body) };
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", etag);
        }

        return await client.SendAsync(request);
    }

    /// <summary>Asserts a 400 whose errors name <paramref name="field"/>.</summary>
    public static async Task AssertRefusedAsync(this HttpResponseMessage response, string field)
    {
        await response.EnsureStatusAsync(HttpStatusCode.BadRequest);
        var errors = (await response.ReadJsonAsync())["errors"]!.AsObject();
        Xunit.Assert.True(errors.ContainsKey(field), $"Expected an error for '{field}', got: {errors.ToJsonString()}");
    }

    public static string Id(this JsonNode node) => node["id"]!.GetValue<string>();

    public static IReadOnlyList<string> Ids(this JsonNode page) => page["items"]!.Items().Select(Id).ToList();

    /// <summary>The elements of a JSON array, which the API never leaves null.</summary>
    public static IEnumerable<JsonNode> Items(this JsonNode array) => array.AsArray().Select(item => item!);
}
