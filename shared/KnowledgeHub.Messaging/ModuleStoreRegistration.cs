using KnowledgeHub.Data;
using KnowledgeHub.Messaging.Audit;
using KnowledgeHub.Messaging.Outbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace KnowledgeHub.Messaging;

public static class ModuleStoreRegistration
{
    /// <summary>
    /// A module's database together with its outbox and inbox: the messaging tables are migrated
    /// first, then the module's own scripts from <c>Data/Migrations/{Sqlite,Postgres}</c> of its assembly,
    /// and a relay publishes the module's outbox, which also carries the module's audit records.
    /// </summary>
    public static IHostApplicationBuilder AddModuleStore<TDatabase>(this IHostApplicationBuilder builder, string name)
        where TDatabase : ModuleDatabase
    {
        builder.AddModuleDatabase<TDatabase>(
            name,
            new MigrationSource(typeof(ModuleStoreRegistration).Assembly, "Migrations"),
            new MigrationSource(typeof(TDatabase).Assembly, "Data/Migrations"));

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton(_ => MessagingSettings.From(builder.Configuration));
        builder.Services.AddSingleton<OutboxSignal<TDatabase>>();
        builder.Services.AddSingleton<Outbox<TDatabase>>();
        builder.Services.AddSingleton<AuditTrail<TDatabase>>();
        builder.Services.AddHostedService<OutboxRelay<TDatabase>>();
        return builder;
    }
}
