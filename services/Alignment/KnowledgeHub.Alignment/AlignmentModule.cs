using KnowledgeHub.Alignment.Consumers;
using KnowledgeHub.Alignment.Features.Alignments;
using KnowledgeHub.Alignment.Features.Changes;
using KnowledgeHub.Alignment.Features.Members;
using KnowledgeHub.Alignment.Features.Objectives;
using KnowledgeHub.Alignment.Features.Privacy;
using KnowledgeHub.Alignment.Features.Projects;
using KnowledgeHub.Alignment.Features.Reminders;
using KnowledgeHub.Alignment.Features.Scorecard;
using KnowledgeHub.Alignment.Features.StatusReports;
using KnowledgeHub.Messaging;
using KnowledgeHub.Messaging.People;
using KnowledgeHub.Messaging.Privacy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeHub.Alignment;

/// <summary>
/// Project alignment: business objectives and key results, IT projects, status reports, links
/// between them, the executive scorecard, and reminders of status reports and check-ins due.
/// </summary>
public static class AlignmentModule
{
    public const string Name = "alignment";

    /// <summary>The path prefixes this service owns; the gateway forwards them unchanged.</summary>
    public static IReadOnlyList<string> RoutePrefixes { get; } = ["/api/objectives", "/api/projects", "/api/alignment", PersonalDataRegistration.RoutePrefix(Name)];

    public static WebApplicationBuilder AddAlignment(this WebApplicationBuilder builder)
    {
        builder.AddModuleStore<AlignmentDatabase>(Name);
        builder.Services.AddPersonalData<AlignmentDatabase>(AlignmentPersonalData.Sets);
        builder.Services.AddSingleton(CurrencyRates.From(builder.Configuration));
        builder.Services.AddSingleton(ReminderSettings.From(builder.Configuration));
        builder.Services.AddSingleton<DueReminders>();
        builder.Services.AddSingleton<SpentReminders>();
        builder.Services.AddHostedService<ReminderWorker>();
        builder.Services.AddConsumers(bus =>
        {
            bus.AddConsumer<PersonErasureStartedConsumer>();
            bus.AddConsumer<DepartmentChangedConsumer>();
            bus.AddConsumer<PersonSeenConsumer>();
            bus.AddConsumer<PersonProfileChangedConsumer>();
            bus.AddConsumer<ReindexRequestedConsumer>();
        });
        builder.Services.AddOpenApi(Name, options => options.ShouldInclude = description => description.GroupName == Name);
        return builder;
    }

    public static IEndpointRouteBuilder MapAlignment(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").WithGroupName(Name).WithTags("Alignment").RequireAuthorization().AnnouncingPeopleSeen();
        CreateObjective.Map(api);
        ListObjectives.Map(api);
        GetObjective.Map(api);
        UpdateObjective.Map(api);
        CheckInKeyResult.Map(api);
        CreateProject.Map(api);
        ListProjects.Map(api);
        GetProject.Map(api);
        UpdateProject.Map(api);
        AssignMember.Map(api);
        RemoveMember.Map(api);
        ConfirmMembership.Map(api);
        ReportStatus.Map(api);
        ListStatusReports.Map(api);
        ListChanges.Map(api);
        AlignProject.Map(api);
        RemoveAlignment.Map(api);
        GetScorecard.Map(api);
        endpoints.MapPersonalDataExport(Name);
        return endpoints;
    }
}
