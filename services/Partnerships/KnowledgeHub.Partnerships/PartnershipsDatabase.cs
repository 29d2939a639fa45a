using KnowledgeHub.Data;

namespace KnowledgeHub.Partnerships;

internal sealed class PartnershipsDatabase(ModuleDatabaseSettings settings) : ModuleDatabase(settings);
