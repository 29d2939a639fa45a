using Elastic.Clients.Elasticsearch;
using KnowledgeHub.Messaging;
using KnowledgeHub.Messaging.People;
using KnowledgeHub.Messaging.Privacy;
using KnowledgeHub.Search.Consumers;
using KnowledgeHub.Search.Features.Privacy;
using KnowledgeHub.Search.Features.Reindex;
using KnowledgeHub.Search.Features.Search;
using KnowledgeHub.Search.Feed;
using KnowledgeHub.Search.Index;
using KnowledgeHub.Search.Index.Elasticsearch;
using KnowledgeHub.Search.Index.Lucene;
using KnowledgeHub.Search.Reindex;
using KnowledgeHub.ServiceDefaults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KnowledgeHub.Search;

/// <summary>
/// Cross-department search over people, communities, posts, projects and objectives: the other
/// services' events are stored in a durable feed, which every instance follows into its own index (Lucene.Net embedded by default, Elasticsearch when
/// <c>Search:Elasticsearch:Url</c> or <c>Nodes</c> is set), rebuilt on demand from the services' replays.
/// </summary>
public static class SearchModule
{
    public const string Name = "search";

    /// <summary>The path prefixes this service owns; the gateway forwards them unchanged.</summary>
    public static IReadOnlyList<string> RoutePrefixes { get; } = ["/api/search", PersonalDataRegistration.RoutePrefix(Name)];

    public static WebApplicationBuilder AddSearch(this WebApplicationBuilder builder)
    {
        builder.AddModuleStore<SearchDatabase>(Name);
        builder.Services.AddPersonalData<SearchDatabase>(SearchPersonalData.Sets);
        AddIndexStore(builder);
        builder.Services.AddSingleton<IndexGenerations>();
        builder.Services.AddSingleton<SearchFeedSignal>();
        builder.Services.AddSingleton<SearchFeed>();
        builder.Services.AddSingleton<SearchFeedReader>();
        builder.Services.AddHostedService<SearchFeedFollower>();
        builder.Services.AddSingleton(SearchFeedSettings.From(builder.Configuration));
        builder.Services.AddHostedService<SearchFeedPruner>();
        builder.Services.AddSingleton(ReindexSettings.From(builder.Configuration));
        builder.Services.AddSingleton<ReindexCoordinator>();
        builder.Services.AddSingleton<InstanceRebuild>();
        builder.Services.AddHostedService<ReindexWatchdog>();

        builder.Services.AddConsumers(bus =>
        {
            bus.AddConsumer<PersonErasureStartedConsumer>();
            bus.AddConsumer<PersonProfileChangedConsumer>();
            bus.AddConsumer<CommunityChangedConsumer>();
            bus.AddConsumer<CommunityMembershipChangedConsumer>();
            bus.AddConsumer<PostPublishedConsumer>();
            bus.AddConsumer<PostUpdatedConsumer>();
            bus.AddConsumer<PostRemovedConsumer>();
            bus.AddConsumer<ProjectChangedConsumer>();
            bus.AddConsumer<ObjectiveChangedConsumer>();
            bus.AddConsumer<ReindexReplayStartedConsumer>();
        });
        builder.Services.AddOpenApi(Name, options => options.ShouldInclude = description => description.GroupName == Name);
        return builder;
    }

    public static IEndpointRouteBuilder MapSearch(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").WithGroupName(Name).WithTags("Search").RequireAuthorization().AnnouncingPeopleSeen();
        SearchEverything.Map(api);
        SuggestCompletions.Map(api);
        StartReindex.Map(api);
        GetReindexStatus.Map(api);
        endpoints.MapPersonalDataExport(Name);
        return endpoints;
    }

    private static void AddIndexStore(WebApplicationBuilder builder)
    {
        if (ElasticsearchSettings.From(builder.Configuration) is { } elasticsearch)
        {
            builder.Services.AddSingleton(elasticsearch);
            // One long-lived client: it keeps the connections and which nodes are down.
            builder.Services.AddSingleton(_ => ElasticsearchConnection.Create(elasticsearch));
            builder.Services.AddSingleton<ISearchIndexStore>(services => new ElasticsearchIndexStore(
                services.GetRequiredService<ElasticsearchClient>(), elasticsearch, services.GetRequiredService<TimeProvider>()));
            return;
        }

        var indexPath = builder.Configuration["Search:IndexPath"];
        indexPath = string.IsNullOrWhiteSpace(indexPath)
            ? Path.Combine(DataFolder.Resolve(builder.Configuration, builder.Environment), "search-index")
            : Path.GetFullPath(indexPath, builder.Environment.ContentRootPath);
        SearchTelemetry.ObserveLuceneFolder(indexPath);
        builder.Services.AddSingleton(services => new LuceneIndexStore(indexPath, services.GetRequiredService<TimeProvider>(), services.GetRequiredService<ILogger<LuceneIndexStore>>()));
        builder.Services.AddSingleton<ISearchIndexStore>(services => services.GetRequiredService<LuceneIndexStore>());
        builder.Services.AddHostedService<LuceneMaintenance>();
    }
}
