using KnowledgeHub.Messaging;
using KnowledgeHub.Messaging.People;
using KnowledgeHub.Messaging.Privacy;
using KnowledgeHub.Notifications.Consumers;
using KnowledgeHub.Notifications.Features.Delivery;
using KnowledgeHub.Notifications.Features.Digests;
using KnowledgeHub.Notifications.Features.Email;
using KnowledgeHub.Notifications.Features.Follows;
using KnowledgeHub.Notifications.Features.Inbox;
using KnowledgeHub.Notifications.Features.Preferences;
using KnowledgeHub.Notifications.Features.Privacy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeHub.Notifications;

/// <summary>
/// Notifications: in-app notifications built only from the other services' events, follows,
/// preferences, a live stream of server-sent events, immediate e-mails and daily or weekly digests over SMTP.
/// </summary>
public static class NotificationsModule
{
    public const string Name = "notifications";

    /// <summary>The path prefixes this service owns; the gateway forwards them unchanged.</summary>
    public static IReadOnlyList<string> RoutePrefixes { get; } = ["/api/notifications", "/api/follows", PersonalDataRegistration.RoutePrefix(Name)];

    /// <summary>Long-lived routes (the live stream) the gateway forwards without its request timeout.</summary>
    public static IReadOnlyList<string> StreamingRoutes { get; } = [StreamNotifications.Path];

    /// <summary>Routes that need no token (one-click unsubscribe from an e-mail); the gateway lets them through unauthenticated.</summary>
    public static IReadOnlyList<string> AnonymousRoutes { get; } = [Unsubscribe.Path];

    public static WebApplicationBuilder AddNotifications(this WebApplicationBuilder builder)
    {
        builder.AddModuleStore<NotificationsDatabase>(Name);
        builder.Services.AddPersonalData<NotificationsDatabase>(NotificationsPersonalData.Sets);
        var settings = NotificationsSettings.From(builder.Configuration);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton<NotificationSignal>();
        builder.Services.AddSingleton<Notifier>();
        builder.Services.AddSingleton<EmailQueue>();
        builder.Services.AddSingleton<EmailSignal>();
        builder.Services.AddSingleton<UnsubscribeTokens>();
        if (settings.Smtp.IsEnabled)
        {
            builder.Services.AddHostedService<EmailSender>();
            builder.Services.AddSingleton<DigestSchedule>();
            builder.Services.AddSingleton<DigestSender>();
            builder.Services.AddSingleton<SpentDigests>();
            builder.Services.AddHostedService<DigestWorker>();
        }

        builder.Services.AddSingleton<FanOutSignal>();
        builder.Services.AddHostedService<FanOutWorker>();
        builder.Services.AddHostedService<NotificationPruner>();
        builder.Services.AddConsumers(bus =>
        {
            bus.AddConsumer<PersonErasureStartedConsumer>();
            bus.AddConsumer<PersonProfileChangedConsumer>();
            bus.AddConsumer<CommunityChangedConsumer>();
            bus.AddConsumer<CommunityMembershipChangedConsumer>();
            bus.AddConsumer<ProjectChangedConsumer>();
            bus.AddConsumer<ObjectiveChangedConsumer>();
            bus.AddConsumer<PostPublishedConsumer>();
            bus.AddConsumer<PostUpdatedConsumer>();
            bus.AddConsumer<ExpertsSuggestedConsumer>();
            bus.AddConsumer<AnswerPostedConsumer>();
            bus.AddConsumer<AnswerAcceptedConsumer>();
            bus.AddConsumer<EndorsementGivenConsumer>();
            bus.AddConsumer<CommunityJoinRequestedConsumer>();
            bus.AddConsumer<CommunityJoinDecidedConsumer>();
            bus.AddConsumer<ProjectStatusReportedConsumer>();
            bus.AddConsumer<ProjectStatusReportDueConsumer>();
            bus.AddConsumer<KeyResultCheckInDueConsumer>();
        });
        builder.Services.AddOpenApi(Name, options => options.ShouldInclude = description => description.GroupName == Name);
        return builder;
    }

    public static IEndpointRouteBuilder MapNotifications(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").WithGroupName(Name).WithTags("Notifications").RequireAuthorization().AnnouncingPeopleSeen();
        ListNotifications.Map(api);
        CountUnread.Map(api);
        MarkRead.Map(api);
        StreamNotifications.Map(api);
        GetPreferences.Map(api);
        UpdatePreferences.Map(api);
        FollowTarget.Map(api);
        UnfollowTarget.Map(api);
        ListFollows.Map(api);
        Unsubscribe.Map(api);
        endpoints.MapPersonalDataExport(Name);
        return endpoints;
    }
}
