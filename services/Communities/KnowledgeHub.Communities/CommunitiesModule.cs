using KnowledgeHub.Communities.Consumers;
using KnowledgeHub.Communities.Features.Answers;
using KnowledgeHub.Communities.Features.Communities;
using KnowledgeHub.Communities.Features.Imports;
using KnowledgeHub.Communities.Features.Insights;
using KnowledgeHub.Communities.Features.Members;
using KnowledgeHub.Communities.Features.Posts;
using KnowledgeHub.Communities.Features.Privacy;
using KnowledgeHub.Communities.Features.Reactions;
using KnowledgeHub.Messaging;
using KnowledgeHub.Messaging.People;
using KnowledgeHub.Messaging.Privacy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeHub.Communities;

/// <summary>
/// Communities of practice: membership and roles, posts, answers and reactions. Hosted by its
/// own host (distributed) or inside the gateway (standalone).
/// </summary>
public static class CommunitiesModule
{
    public const string Name = "communities";

    /// <summary>The path prefixes this service owns; the gateway forwards them unchanged.</summary>
    public static IReadOnlyList<string> RoutePrefixes { get; } = ["/api/communities", "/api/posts", "/api/imports", PersonalDataRegistration.RoutePrefix(Name)];

    /// <summary>The only routes that take bodies up to <see cref="MaxUploadBytes"/> (a site's Q&amp;A history); the rest keep the default limit.</summary>
    public static IReadOnlyList<string> LargeUploadRoutes { get; } = ["/api/communities/{id}/imports/stackexchange"];

    public const long MaxUploadBytes = 1024L * 1024 * 1024;

    public static WebApplicationBuilder AddCommunities(this WebApplicationBuilder builder)
    {
        builder.AddModuleStore<CommunitiesDatabase>(Name);
        builder.Services.AddPersonalData<CommunitiesDatabase>(CommunitiesPersonalData.Sets);
        builder.Services.AddConsumers(bus =>
        {
            bus.AddConsumer<PersonErasureStartedConsumer>();
            bus.AddConsumer<PersonProfileChangedConsumer>();
            bus.AddConsumer<ExpertsSuggestedConsumer>();
            bus.AddConsumer<ReindexRequestedConsumer>();
        });
        builder.Services.AddSingleton<ImportQueue>();
        builder.Services.AddScoped<StackExchangeImport>();
        builder.Services.AddHostedService<ImportWorker>();
        builder.Services.AddOpenApi(Name, options => options.ShouldInclude = description => description.GroupName == Name);
        return builder;
    }

    public static IEndpointRouteBuilder MapCommunities(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").WithGroupName(Name).WithTags("Communities").RequireAuthorization().AnnouncingPeopleSeen();
        CreateCommunity.Map(api);
        ListCommunities.Map(api);
        GetCommunity.Map(api);
        UpdateCommunity.Map(api);
        GetInsights.Map(api);
        GetActivity.Map(api);

        JoinCommunity.Map(api);
        LeaveCommunity.Map(api);
        ListMembers.Map(api);
        ChangeMember.Map(api);
        RemoveCommunityMember.Map(api);

        PublishPost.Map(api);
        PreviewPost.Map(api);
        ListPosts.Map(api);
        ListPostsByAuthor.Map(api);
        GetPost.Map(api);
        EditPost.Map(api);
        DeletePost.Map(api);

        PostAnswer.Map(api);
        AcceptAnswer.Map(api);
        AddReaction.Map(api);
        RemoveReaction.Map(api);

        StartStackExchangeImport.Map(api);
        GetImport.Map(api);
        endpoints.MapPersonalDataExport(Name);
        return endpoints;
    }
}
