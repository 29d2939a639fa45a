using System.Text;
using Xunit;

namespace KnowledgeHub.Security.Tests;

/// <summary>Every route of the public API by every role, through the gateway of the standalone hub.</summary>
[Collection(SecuredHub.Collection)]
public sealed class RouteByRoleTests(SecuredHub hub)
{
    public static TheoryData<string, Role, int> Rows()
    {
        var rows = new TheoryData<string, Role, int>();
        foreach (var @case in RouteMatrix.Cases)
        {
            foreach (var role in Enum.GetValues<Role>())
            {
                rows.Add(@case.Route, role, @case.StatusFor(role));
            }
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Each_role_gets_the_status_the_rules_give_it(string route, Role role, int status)
    {
        var @case = RouteMatrix.Find(route);
        var path = await @case.PathForAsync(hub.World, role);
        using var client = @case.FreshCaller ? hub.FreshClient(role) : hub.Client(role);
        using var request = new HttpRequestMessage(@case.Method, path);
        if (@case.Body is not null)
        {
            var json = hub.World.Resolve(System.Text.Json.JsonSerializer.Serialize(@case.Body, System.Text.Json.JsonSerializerOptions.Web));
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        // Headers only: a live stream (text/event-stream) answers its status and then never ends.
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);

        var body = response.Content.Headers.ContentType?.MediaType == "text/event-stream"
            ? "(a live stream)"
            : await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True((int)response.StatusCode == status, $"{@case.Method} {path} as {role} answered {(int)response.StatusCode}, expected {status}: {body}{ServerSide(response)}");
    }

    /// <summary>For a server error, what the hub logged about the request's path, with the exception.</summary>
    private string ServerSide(HttpResponseMessage response) =>
        (int)response.StatusCode < 500
            ? ""
            : "\n--- the hub logged ---\n" + string.Join("\n", hub.LoggedAbout(response.RequestMessage!.RequestUri!.AbsolutePath).TakeLast(5));
}
