namespace KnowledgeHub.Data;

/// <summary>The relational engines a module's database can live on.</summary>
public enum DatabaseProvider
{
    /// <summary>One file per module under the data folder: the standalone default.</summary>
    Sqlite,

    /// <summary>One PostgreSQL database per module: the distributed topology.</summary>
    Postgres,
}
