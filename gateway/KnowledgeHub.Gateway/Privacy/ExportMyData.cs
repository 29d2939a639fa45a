using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text.Json;
using KnowledgeHub.Gateway.Services;
using KnowledgeHub.Messaging.Privacy;
using KnowledgeHub.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace KnowledgeHub.Gateway.Privacy;

/// <summary>
/// <c>GET /api/people/me/export</c>: everything the hub holds about the caller, one JSON file per
/// service in a zip (issue 21). Services hosted here are read in-process; remote ones are asked for
/// their part with the caller's own token. No partial export: a service that does not answer makes
/// the whole request fail with 503 naming it, to be tried again.
/// </summary>
internal static partial class ExportMyData
{
    public const string Path = "/api/people/me/export";

    private static readonly TimeSpan RemoteTimeout = TimeSpan.FromSeconds(30);

    public static void Map(WebApplication app) =>
        app.MapGet(Path, HandleAsync)
            .RequireAuthorization()
            .WithName(nameof(ExportMyData))
            .WithSummary("Everything the hub holds about the caller, from every service, as a zip of JSON files.");

    private static async Task<IResult> HandleAsync(
        HttpContext context,
        IEnumerable<IPersonalDataSource> localSources,
        IHttpClientFactory clients,
        IConfiguration configuration,
        IOptions<JsonOptions> jsonOptions,
        ILogger<ExportPart> logger,
        CancellationToken cancellationToken)
    {
        var json = jsonOptions.Value.SerializerOptions;
        var me = context.User.PersonId();
        var parts = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var source in localSources)
        {
            parts[source.Service] = JsonSerializer.SerializeToUtf8Bytes(await source.ReadAsync(me, cancellationToken), json);
        }

        foreach (var service in HubService.All)
        {
            var urls = service.RemoteUrls(configuration);
            if (urls.Count == 0)
            {
                continue;
            }

            var part = await FetchAsync(clients, urls, service.Name, context.Request.Headers.Authorization.ToString(), logger, cancellationToken);
            if (part is null)
            {
                return Results.Problem(
                    statusCode: StatusCodes.Status503ServiceUnavailable,
                    title: $"The {service.Name} service did not answer, so the export would be incomplete.",
                    detail: "Nothing was left out silently: try the export again in a moment.");
            }

            parts[service.Name] = part;
        }

        return Results.File(Zip(parts), "application/zip", "knowledgehub-my-data.zip");
    }

    private static async Task<byte[]?> FetchAsync(
        IHttpClientFactory clients, IReadOnlyList<Uri> urls, string service, string authorization, ILogger logger, CancellationToken cancellationToken)
    {
        using var client = clients.CreateClient();
        client.Timeout = RemoteTimeout;
        foreach (var url in urls)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, PersonalDataRegistration.ExportPath(service)));
                request.Headers.Authorization = AuthenticationHeaderValue.Parse(authorization);
                using var response = await client.SendAsync(request, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return await response.Content.ReadAsByteArrayAsync(cancellationToken);
                }

                LogRefused(logger, service, url, (int)response.StatusCode);
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                LogUnreachable(logger, exception, service, url);
            }
        }

        return null;
    }

    private static byte[] Zip(SortedDictionary<string, byte[]> parts)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (service, part) in parts)
            {
                using var entry = zip.CreateEntry($"{service}.json", CompressionLevel.Optimal).Open();
                entry.Write(part);
            }
        }

        return buffer.ToArray();
    }

    [LoggerMessage(LogLevel.Warning, "The {Service} service at {Url} refused a part of a data export with {Status}.")]
    private static partial void LogRefused(ILogger logger, string service, Uri url, int status);

    [LoggerMessage(LogLevel.Warning, "The {Service} service at {Url} did not answer for a part of a data export.")]
    private static partial void LogUnreachable(ILogger logger, Exception exception, string service, Uri url);

    /// <summary>The log category of the export's parts.</summary>
    internal sealed class ExportPart;
}
