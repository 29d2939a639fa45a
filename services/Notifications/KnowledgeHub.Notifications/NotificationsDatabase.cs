using KnowledgeHub.Data;

namespace KnowledgeHub.Notifications;

internal sealed class NotificationsDatabase(ModuleDatabaseSettings settings) : ModuleDatabase(settings);
