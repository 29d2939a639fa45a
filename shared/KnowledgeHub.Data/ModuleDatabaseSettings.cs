namespace KnowledgeHub.Data;

/// <summary>Where one module's data lives and which migrations build it.</summary>
/// <param name="Name">The module's name, also its connection-string key and SQLite file name.</param>
public sealed record ModuleDatabaseSettings(
    string Name,
    DatabaseProvider Provider,
    string ConnectionString,
    IReadOnlyList<MigrationSource> Migrations);
