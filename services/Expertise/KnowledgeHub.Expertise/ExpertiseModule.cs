using KnowledgeHub.Expertise.Consumers;
using KnowledgeHub.Expertise.Features.Audit;
using KnowledgeHub.Expertise.Features.Departments;
using KnowledgeHub.Expertise.Features.Evidence;
using KnowledgeHub.Expertise.Features.Experts;
using KnowledgeHub.Expertise.Features.People;
using KnowledgeHub.Expertise.Features.Privacy;
using KnowledgeHub.Expertise.Features.Scim;
using KnowledgeHub.Expertise.Features.Skills;
using KnowledgeHub.Messaging;
using KnowledgeHub.Messaging.People;
using KnowledgeHub.Messaging.Privacy;
using KnowledgeHub.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeHub.Expertise;

/// <summary>
/// The expertise directory: people, departments, the skills taxonomy, endorsements and expert
/// finding; and the audit trail every service records into (ADR 0069). Hosted by its own host (distributed) or inside the gateway (standalone).
/// </summary>
public static class ExpertiseModule
{
    public const string Name = "expertise";

    /// <summary>The path prefixes this service owns; the gateway forwards them unchanged.</summary>
    public static IReadOnlyList<string> RoutePrefixes { get; } = ["/api/departments", "/api/people", "/api/skills", "/api/experts", "/api/audit", GetErasure.Root, PersonalDataRegistration.RoutePrefix(Name)];

    /// <summary>204 while the caller may use the hub, 401 once deactivated: what the gateway asks a remote Expertise.</summary>
    public const string AccessRoute = GetMyAccess.Path;

    /// <summary>
    /// Routes the gateway forwards without checking a person's token: SCIM carries the directory's
    /// own bearer token, which Expertise checks (ADR 0068); an erasure's progress is read by its
    /// unguessable id, by a person who can no longer sign in (ADR 0072).
    /// </summary>
    public static IReadOnlyList<string> AnonymousRoutes { get; } = [ScimLocations.Root + "/{**rest}", GetErasure.Root + "/{id}"];

    public static WebApplicationBuilder AddExpertise(this WebApplicationBuilder builder)
    {
        builder.AddModuleStore<ExpertiseDatabase>(Name);
        builder.Services.AddPersonalData<ExpertiseDatabase>(ExpertisePersonalData.Sets);
        builder.Services.AddSingleton<DepartmentDirectory>();
        builder.Services.AddSingleton<SkillTaxonomy>();
        builder.Services.AddSingleton<SkillIndexCache>();
        builder.Services.AddSingleton<TagSkills>();
        builder.Services.AddSingleton<SkillCandidates>();
        builder.Services.AddSingleton<EvidenceRebuildSignal>();
        builder.Services.AddHostedService<EvidenceRebuilder>();
        builder.Services.AddSingleton<PersonChanges>();
        builder.Services.AddSingleton<Provisioning>();
        builder.Services.AddSingleton<ImportWriter>();
        builder.Services.AddSingleton<CorpusStatistics>();
        builder.Services.AddSingleton<CommunityEvidence>();
        builder.Services.AddSingleton<ProjectEvidence>();
        builder.Services.AddSingleton<ExpertSuggestions>();
        builder.Services.AddSingleton<PostChanges>();
        builder.Services.AddSingleton(AuditSettings.From(builder.Configuration));
        builder.Services.AddHostedService<AuditDetailPruner>();
        builder.Services.AddSingleton<ExpertisePersonStatus>();
        builder.Services.AddSingleton<IPersonStatus>(services => services.GetRequiredService<ExpertisePersonStatus>());
        builder.Services.AddSingleton(ScimToken.From(builder.Configuration));
        builder.Services.AddSingleton<ScimDepartments>();
        builder.Services.AddSingleton<ScimUsers>();
        builder.Services.AddSingleton<ScimGroups>();
        builder.Services.AddSingleton<ErasureRequests>();
        builder.Services.AddConsumers(bus =>
        {
            bus.AddConsumer<PersonErasureStartedConsumer>();
            bus.AddConsumer<PostPublishedConsumer>();
            bus.AddConsumer<PostUpdatedConsumer>();
            bus.AddConsumer<PostRemovedConsumer>();
            bus.AddConsumer<AnswerPostedConsumer>();
            bus.AddConsumer<AnswerAcceptedConsumer>();
            bus.AddConsumer<ProjectChangedConsumer>();
            bus.AddConsumer<ProjectMemberAssignedConsumer>();
            bus.AddConsumer<ProjectMemberRemovedConsumer>();
            bus.AddConsumer<PersonSeenConsumer>();
            bus.AddConsumer<ReindexRequestedConsumer>();
            bus.AddConsumer<PeopleImportedConsumer>();
            bus.AddConsumer<ActionAuditedConsumer>();
            bus.AddConsumer<PersonDataErasedConsumer>();
        });
        builder.Services.AddOpenApi(Name, options => options.ShouldInclude = description => description.GroupName == Name);
        return builder;
    }

    public static IEndpointRouteBuilder MapExpertise(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").WithGroupName(Name).WithTags("Expertise").RequireAuthorization().AnnouncingPeopleSeen();
        ListDepartments.Map(api);
        PutDepartment.Map(api);
        GetMe.Map(api);
        GetMyAccess.Map(api);
        UpdateMe.Map(api);
        GetPerson.Map(api);
        ListPeople.Map(api);
        ImportPeople.Map(api);
        DeclareSkill.Map(api);
        WithdrawSkill.Map(api);
        EndorsePerson.Map(api);
        ListMyEvidence.Map(api);
        HideEvidence.Map(api);
        ListSkills.Map(api);
        PutSkill.Map(api);
        ListSkillCandidates.Map(api);
        MergeSkills.Map(api);
        FindExperts.Map(api);
        SkillCoverage.Map(api);
        ListAudit.Map(api);
        VerifyAudit.Map(api);
        ExportAudit.Map(api);
        RequestErasure.Map(api);
        GetErasure.Map(api);
        ScimEndpoints.Map(endpoints);
        endpoints.MapPersonalDataExport(Name);
        return endpoints;
    }
}
