using KnowledgeHub.Data;

namespace KnowledgeHub.Communities;

internal sealed class CommunitiesDatabase(ModuleDatabaseSettings settings) : ModuleDatabase(settings);
