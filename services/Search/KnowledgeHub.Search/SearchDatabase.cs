using KnowledgeHub.Data;

namespace KnowledgeHub.Search;

internal sealed class SearchDatabase(ModuleDatabaseSettings settings) : ModuleDatabase(settings);
