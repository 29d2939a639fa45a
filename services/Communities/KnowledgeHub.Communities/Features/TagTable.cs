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

    public async Task ReplaceAsync(UnitOfWork work, Guid ownerId, IReadOnlyList<string> tags)
    {
        await work.ExecuteAsync(
            _deleteSql, new { OwnerId = ownerId });
        await work.ExecuteAsync(
            _insertSql, tags.Select(tag => new { OwnerId = ownerId, Tag = tag }));
    }
}
