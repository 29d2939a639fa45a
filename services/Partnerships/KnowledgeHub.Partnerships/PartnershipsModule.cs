using KnowledgeHub.Messaging;
using KnowledgeHub.Messaging.People;
using KnowledgeHub.Messaging.Privacy;
using KnowledgeHub.Partnerships.Consumers;
using KnowledgeHub.Partnerships.Features.Introductions;
using KnowledgeHub.Partnerships.Features.Map;
using KnowledgeHub.Partnerships.Features.Matrix;
using KnowledgeHub.Partnerships.Features.Privacy;
using KnowledgeHub.Partnerships.Features.Silos;
using KnowledgeHub.Partnerships.Features.Spanners;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeHub.Partnerships;

/// <summary>
/// Partnership intelligence: a record of who helped whom across departments, kept only from the
/// other services' events, and what it shows (the department matrix, boundary spanners, silos,
/// introductions and the systems map). Read-only to users.
/// </summary>
public static class PartnershipsModule
{
    public const string Name = "partnerships";

    /// <summary>The path prefixes this service owns; the gateway forwards them unchanged.</summary>
    public static IReadOnlyList<string> RoutePrefixes { get; } = ["/api/partnerships", "/api/systems-map", PersonalDataRegistration.RoutePrefix(Name)];

    public static WebApplicationBuilder AddPartnerships(this WebApplicationBuilder builder)
    {
        builder.AddModuleStore<PartnershipsDatabase>(Name);
        builder.Services.AddPersonalData<PartnershipsDatabase>(PartnershipsPersonalData.Sets);
        builder.Services.AddConsumers(bus =>
        {
            bus.AddConsumer<PersonErasureStartedConsumer>();
            bus.AddConsumer<DepartmentChangedConsumer>();
            bus.AddConsumer<PersonProfileChangedConsumer>();
            bus.AddConsumer<EndorsementGivenConsumer>();
            bus.AddConsumer<EvidenceVisibilityChangedConsumer>();
            bus.AddConsumer<CommunityChangedConsumer>();
            bus.AddConsumer<CommunityMembershipChangedConsumer>();
            bus.AddConsumer<AnswerPostedConsumer>();
            bus.AddConsumer<AnswerAcceptedConsumer>();
            bus.AddConsumer<PostRemovedConsumer>();
            bus.AddConsumer<ProjectChangedConsumer>();
            bus.AddConsumer<ProjectMemberAssignedConsumer>();
            bus.AddConsumer<ProjectMemberRemovedConsumer>();
            bus.AddConsumer<ObjectiveChangedConsumer>();
        });
        builder.Services.AddOpenApi(Name, options => options.ShouldInclude = description => description.GroupName == Name);
        return builder;
    }

    public static IEndpointRouteBuilder MapPartnerships(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").WithGroupName(Name).WithTags("Partnerships").RequireAuthorization().AnnouncingPeopleSeen();
        GetMatrix.Map(api);
        ListBoundarySpanners.Map(api);
        GetSilos.Map(api);
        ListIntroductions.Map(api);
        GetSystemsMap.Map(api);
        endpoints.MapPersonalDataExport(Name);
        return endpoints;
    }
}
