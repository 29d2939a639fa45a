using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Util;

namespace KnowledgeHub.Search.Index.Lucene;

/// <summary>How a <see cref="SearchDocument"/> is laid out in a Lucene document.</summary>
internal static class LuceneFields
{
    public const string Key = "key";
    public const string Type = "type";
    public const string Id = "id";
    public const string Title = "title";
    public const string Body = "body";
    public const string TagsText = "tags_text";
    public const string Tag = "tag";
    public const string Department = "department";
    public const string Visibility = "visibility";
    public const string Community = "community";
    public const string Url = "url";
    public const string Version = "version";
    public const string Updated = "updated";

    public const string TypeValues = "type_dv";
    public const string TagValues = "tag_dv";
    public const string DepartmentValues = "department_dv";
    public const string UpdatedValues = "updated_dv";

    public const string Public = "public";
    public const string Restricted = "restricted";

    public static string KeyOf(string type, Guid id) => $"{type}:{id:D}";

    public static Document ToLucene(SearchDocument document)
    {
        var lucene = new Document
        {
            new StringField(Key, KeyOf(document.Type, document.Id), Field.Store.YES),
            new StringField(Type, document.Type, Field.Store.YES),
            new SortedDocValuesField(TypeValues, new BytesRef(document.Type)),
            new StoredField(Id, document.Id.ToString("D")),
            new TextField(Title, document.Title, Field.Store.YES),
            new TextField(Body, document.Body, Field.Store.YES),
            new TextField(TagsText, string.Join(" , ", document.Tags), Field.Store.NO),
            new StringField(Visibility, document.RestrictedToCommunity is null ? Public : Restricted, Field.Store.YES),
            new StoredField(Url, document.Url),
            new StoredField(Version, document.Version),
            new StoredField(Updated, document.UpdatedAt.UtcTicks),
            new NumericDocValuesField(UpdatedValues, document.UpdatedAt.UtcTicks),
        };
        if (document.RestrictedToCommunity is { } community)
        {
            lucene.Add(new StringField(Community, community.ToString("D"), Field.Store.YES));
        }

        foreach (var tag in document.Tags.Distinct(StringComparer.Ordinal))
        {
            lucene.Add(new StringField(Tag, tag, Field.Store.YES));
            lucene.Add(new SortedSetDocValuesField(TagValues, new BytesRef(tag)));
        }

        foreach (var department in document.Departments.Distinct(StringComparer.Ordinal))
        {
            lucene.Add(new StringField(Department, department, Field.Store.YES));
            lucene.Add(new SortedSetDocValuesField(DepartmentValues, new BytesRef(department)));
        }

        return lucene;
    }

    public static long VersionOf(Document document) =>
        document.GetField(Version)?.GetInt64Value() ?? 0;

    public static DateTimeOffset UpdatedOf(Document document) =>
        new(document.GetField(Updated)?.GetInt64Value() ?? 0, TimeSpan.Zero);

    public static Guid IdOf(Document document) => Guid.Parse(document.Get(Id), CultureInfo.InvariantCulture);
}
