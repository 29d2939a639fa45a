using Dapper;
using KnowledgeHub.Data;

namespace KnowledgeHub.Communities.Features;

/// <summary>A table of (owner, tag) rows: a community's or a post's tags.</summary>
internal sealed class TagTable
{
    public static readonly TagTable Communities = new("community_tags", "community_id");
    public static readonly TagTable Posts = new("post_tags", "post_id");

    private readonly string _deleteSql;
    private readonly string _insertSql;

    private TagTable(string table, string ownerColumn)
    {
        _deleteSql = $"DELETE FROM {table} WHERE {ownerColumn} = @OwnerId";
        _insertSql = $"INSERT INTO {table} ({ownerColumn}, tag) VALUES (@OwnerId, @Tag)";
    }

    public async Task ReplaceAsync(UnitOfWork work, Guid ownerId, IReadOnlyList<string> tags, CancellationToken cancellationToken)
    {
        await work.Connection.ExecuteAsync(new CommandDefinition(
            _deleteSql, new { OwnerId = ownerId }, work.Transaction, cancellationToken: cancellationToken));
        await work.Connection.ExecuteAsync(new CommandDefinition(
            _insertSql, tags.Select(tag => new { OwnerId = ownerId, Tag = tag }), work.Transaction, cancellationToken: cancellationToken));
    }
}
