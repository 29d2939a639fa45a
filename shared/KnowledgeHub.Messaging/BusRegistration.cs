using System.Data.Common;
using KnowledgeHub.Messaging.Audit;
using KnowledgeHub.Messaging.Monitoring;
using KnowledgeHub.Messaging.Outbox;
using KnowledgeHub.Messaging.People;
using KnowledgeHub.ServiceDefaults.Auth;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KnowledgeHub.Messaging;

public static class BusRegistration
{
    /// <summary>Adds consumers to the process's bus; call from a module's <c>AddX</c>.</summary>
    public static IServiceCollection AddConsumers(this IServiceCollection services, Action<IBusRegistrationConfigurator> register) =>
        services.AddSingleton(new ConsumerRegistration(register));

    /// <summary>
    /// The one <c>AddMassTransit</c> of a process, called by the host after every module it hosts
    /// has contributed its consumers. In-memory transport unless <c>Messaging:Transport</c> is RabbitMq.
    /// </summary>
    public static IHostApplicationBuilder AddKnowledgeHubBus(this IHostApplicationBuilder builder)
    {
        var settings = MessagingSettings.From(builder.Configuration);
        builder.Services.TryAddSingleton(settings);

        var registrations = builder.Services
            .Where(descriptor => descriptor.ServiceType == typeof(ConsumerRegistration) && !descriptor.IsKeyedService)
            .Select(descriptor => (ConsumerRegistration)descriptor.ImplementationInstance!)
            .ToList();
        var queues = new ConsumerQueues();
        var faults = new FaultCounter();

        builder.Services.AddMassTransit(bus =>
        {
            // MassTransit 8 reports usage to a host outside the organisation unless told not to;
            // nothing leaves the building but what an operator configured.
            bus.DisableUsageTelemetry();
            // Queue names carry the consumer's namespace, so two modules' consumers of the same
            // event never share (and split) one queue when they run in one process.
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(prefix: null, includeNamespace: true));
            foreach (var registration in registrations)
            {
                registration.Register(bus);
            }

            bus.AddConfigureEndpointsCallback((_, name, endpoint) =>
            {
                // A database that is away (restarting, failing over, unreachable) is waited out for
                // minutes with backoff, the message kept on its queue: filing it as an error after
                // three quick retries lost it for search until an operator moved it back.
                endpoint.UseMessageRetry(retry =>
                {
                    retry.Handle<DbException>(exception => exception.IsTransient);
                    retry.Handle<TimeoutException>();
                    retry.Exponential(TransientRetries, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1));
                });
                endpoint.UseMessageRetry(retry =>
                {
                    retry.Ignore<InvalidEventException>();
                    retry.Ignore<DbException>(exception => exception.IsTransient);
                    retry.Ignore<TimeoutException>();
                    retry.Intervals(100, 500, 2_000);
                });
                if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
                {
                    UseDurableQueue(rabbit, name);
                    queues.Add(name);
                }
            });

            if (settings.Transport == MessageTransport.RabbitMq)
            {
                bus.UsingRabbitMq((context, rabbit) =>
                {
                    rabbit.Host(new Uri(settings.RabbitMqUrl));
                    rabbit.ConnectReceiveObserver(faults);
                    rabbit.ConfigureEndpoints(context);
                });
            }
            else
            {
                bus.UsingInMemory((context, memory) =>
                {
                    memory.ConnectReceiveObserver(faults);
                    memory.ConnectReceiveObserver(context.GetRequiredService<InMemoryBacklog>());
                    memory.ConfigureEndpoints(context);
                });
            }
        });

        builder.Services.Configure<MassTransitHostOptions>(options =>
        {
            options.WaitUntilStarted = true;
            options.StartTimeout = TimeSpan.FromSeconds(60);
            options.StopTimeout = TimeSpan.FromSeconds(30);
        });
        if (settings.Transport == MessageTransport.RabbitMq)
        {
            builder.Services.AddSingleton(queues);
            builder.Services.AddHostedService<ErrorQueueMonitor>();
            builder.Services.TryAddSingleton(TimeProvider.System);
            builder.Services.AddHostedService<StuckConsumersWatchdog>();
        }

        builder.Services.AddSingleton<InMemoryBacklog>();
        builder.Services.AddSingleton<PeopleSeen>();
        builder.Services.AddHostedService(services => services.GetRequiredService<PeopleSeen>());
        builder.Services.AddSingleton(services => new RefusedAttempts(
            services.GetRequiredService<IBus>(), ProcessName(builder.Environment.ApplicationName), services.GetService<TimeProvider>() ?? TimeProvider.System, services.GetRequiredService<ILogger<RefusedAttempts>>()));
        builder.Services.AddSingleton<IRefusedAttempts>(services => services.GetRequiredService<RefusedAttempts>());
        builder.Services.AddHostedService(services => services.GetRequiredService<RefusedAttempts>());

        // MassTransit registers its bus health check with the "ready" tag, which /health/ready reports.
        return builder;
    }

    /// <summary>What the audit trail calls this process: <c>KnowledgeHub.Expertise.Host</c> is <c>expertise</c>.</summary>
    private static string ProcessName(string applicationName) =>
        applicationName.Replace("KnowledgeHub.", "", StringComparison.Ordinal).Replace(".Host", "", StringComparison.Ordinal).ToLowerInvariant();

    /// <summary>
    /// Replicated, durable quorum queues. A message whose consumer keeps dying before it can ack
    /// (a crash, not an exception: those go to the _error queue) is dead-lettered after
    /// <see cref="DeliveryLimit"/> deliveries instead of blocking the queue forever.
    /// </summary>
    private static void UseDurableQueue(IRabbitMqReceiveEndpointConfigurator queue, string name)
    {
        queue.SetQuorumQueue();
        queue.SetQueueArgument("x-delivery-limit", DeliveryLimit);
        queue.BindDeadLetterQueue($"{name}_dead_letter", $"{name}_dead_letter");
    }

    /// <summary>Retries of a message whose database is away: with backoff up to 30 s apart, about four minutes in all.</summary>
    public const int TransientRetries = 12;

    /// <summary>How often the broker redelivers a message whose consumer never acknowledged it.</summary>
    public const int DeliveryLimit = 10;
}
