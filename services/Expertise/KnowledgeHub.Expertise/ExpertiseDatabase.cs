using KnowledgeHub.Data;

namespace KnowledgeHub.Expertise;

internal sealed class ExpertiseDatabase(ModuleDatabaseSettings settings) : ModuleDatabase(settings);
