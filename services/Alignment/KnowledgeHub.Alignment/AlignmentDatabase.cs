using KnowledgeHub.Data;

namespace KnowledgeHub.Alignment;

internal sealed class AlignmentDatabase(ModuleDatabaseSettings settings) : ModuleDatabase(settings);
