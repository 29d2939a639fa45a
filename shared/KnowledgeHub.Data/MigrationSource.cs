using System.Reflection;

namespace KnowledgeHub.Data;

/// <summary>
/// Plain SQL scripts embedded in an assembly under <c>{folder}/Sqlite/</c> and <c>{folder}/Postgres/</c>.
/// Sources run in the order given; scripts within a source run in name order.
/// </summary>
public sealed record MigrationSource(Assembly Assembly, string Folder);
