using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace KnowledgeHub.Testing;

/// <summary>Alignment calls that wait for the directory's departments to reach Alignment.</summary>
public static class AlignmentGateway
{
    /// <summary>
    /// Creates a project or objective once Alignment knows the departments it names: they arrive as
    /// events from the directory, so until then the request is refused (and writes nothing).
    /// </summary>
    public static Task<JsonNode> CreateOnceDepartmentsAreKnownAsync(this HttpClient client, string url, object body) =>
        Eventually.GetAsync(
            async () =>
            {
                using var response = await client.PostAsJsonAsync(url, body);
                if (response.StatusCode == HttpStatusCode.BadRequest && await NamesUnknownDepartmentAsync(response))
                {
                    return null;
                }

                await response.EnsureStatusAsync(HttpStatusCode.Created);
                return await response.ReadJsonAsync();
            },
            TimeSpan.FromSeconds(15),
            $"Alignment to know the departments of POST {url}");

    private static async Task<bool> NamesUnknownDepartmentAsync(HttpResponseMessage response)
    {
        var errors = (await response.ReadJsonAsync())["errors"]?.AsObject();
        return errors is not null && errors.Any(error => error.Key is "department" or "sponsorDepartment" or "partnerDepartments");
    }
}
