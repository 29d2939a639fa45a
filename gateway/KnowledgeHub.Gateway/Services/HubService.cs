using KnowledgeHub.Alignment;
using KnowledgeHub.Communities;
using KnowledgeHub.Expertise;
using KnowledgeHub.Notifications;
using KnowledgeHub.Partnerships;
using KnowledgeHub.Search;

namespace KnowledgeHub.Gateway.Services;

/// <summary>One of the hub's services, as the gateway sees it: where its routes are and how to host it in-process.</summary>
internal sealed record HubService(
    string Name,
    IReadOnlyList<string> RoutePrefixes,
    Action<WebApplicationBuilder> AddLocally,
    Action<IEndpointRouteBuilder> MapLocally,
    IReadOnlyList<string>? LargeUploadRoutes = null,
    long LargeUploadBytes = 0,
    IReadOnlyList<string>? StreamingRoutes = null,
    IReadOnlyList<string>? AnonymousRoutes = null)
{
    public static readonly IReadOnlyList<HubService> All =
    [
        new(ExpertiseModule.Name, ExpertiseModule.RoutePrefixes, builder => builder.AddExpertise(), endpoints => endpoints.MapExpertise(),
            AnonymousRoutes: ExpertiseModule.AnonymousRoutes),
        new(CommunitiesModule.Name, CommunitiesModule.RoutePrefixes, builder => builder.AddCommunities(), endpoints => endpoints.MapCommunities(),
            CommunitiesModule.LargeUploadRoutes, CommunitiesModule.MaxUploadBytes),
        new(AlignmentModule.Name, AlignmentModule.RoutePrefixes, builder => builder.AddAlignment(), endpoints => endpoints.MapAlignment()),
        new(PartnershipsModule.Name, PartnershipsModule.RoutePrefixes, builder => builder.AddPartnerships(), endpoints => endpoints.MapPartnerships()),
        new(SearchModule.Name, SearchModule.RoutePrefixes, builder => builder.AddSearch(), endpoints => endpoints.MapSearch()),
        new(NotificationsModule.Name, NotificationsModule.RoutePrefixes, builder => builder.AddNotifications(), endpoints => endpoints.MapNotifications(),
            StreamingRoutes: NotificationsModule.StreamingRoutes, AnonymousRoutes: NotificationsModule.AnonymousRoutes),
    ];

    /// <summary>
    /// The addresses of this service's remote instances (<c>Services:{name}:Urls</c>, comma-separated);
    /// none means the gateway hosts it itself.
    /// </summary>
    public IReadOnlyList<Uri> RemoteUrls(IConfiguration configuration)
    {
        var configured = configuration[$"Services:{Name}:Urls"] ?? "";
        var urls = new List<Uri>();
        foreach (var text in configured.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                throw new InvalidOperationException($"'Services:{Name}:Urls' holds '{text}', which is not an http(s) address.");
            }

            urls.Add(url);
        }

        return urls;
    }
}
