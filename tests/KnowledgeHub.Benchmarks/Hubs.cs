using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using KnowledgeHub.Testing;

namespace KnowledgeHub.Benchmarks;

/// <summary>Starts hubs as real processes on loopback and signs users in to them.</summary>
internal static class Hubs
{
    /// <summary>The standalone hub as <c>dotnet run --project gateway/KnowledgeHub.Gateway</c> runs it, in Production mode, with dev sign-in on.</summary>
    public static HubProcess Standalone(string dataPath) =>
        new("standalone", DistributedHub.GatewayAssembly(), LoopbackPorts.Unused(), new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["KnowledgeHub__DataPath"] = dataPath,
            ["Auth__DevSignIn__Enabled"] = "true",
            // The benchmark is one user sending hundreds of requests a second: measure the limiter, do not trip it.
            ["RateLimiting__PermitsPerSecond"] = "100000",
            ["RateLimiting__Burst"] = "100000",
            ["Logging__LogLevel__Default"] = "Warning",
        });

    public static async Task<HttpClient> SignInAsync(Uri gateway, string email, string department, params string[] roles)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(30) };
        var token = await client.PostJsonAsync("/api/auth/dev-login", new { email, displayName = email.Split('@')[0], department, roles }, HttpStatusCode.OK);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token["accessToken"]!.GetValue<string>());
        await client.GetJsonAsync("/api/people/me");
        return client;
    }

    /// <summary>Resident memory of a process, from <c>/proc</c> (Linux).</summary>
    public static double ResidentMegabytes(int processId)
    {
        var line = File.ReadLines($"/proc/{processId}/status").First(line => line.StartsWith("VmRSS:", StringComparison.Ordinal));
        var kilobytes = double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        return kilobytes / 1024;
    }
}
