using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Util;

namespace KnowledgeHub.Search.Index.Lucene;

/// <summary>How a <see cref="SearchDocument"/> (or a tombstone) is laid out in a Lucene document.</summary>
internal static class LuceneFields
{
    public const string Key = "key";
    public const string Type = "type";
    public const string Id = "id";
    public const string Title = "title";

    /// <summary>The unstemmed words of title and tags together, where typos are looked up.</summary>
    public const string PlainWords = "plain_words";
    public const string TitleWordPrefixes = "title_word_prefixes";
    public const string TitlePrefixes = "title_prefixes";
    public const string Body = "body";
    public const string BodyExcerpt = "body_excerpt";
    public const string TagsText = "tags_text";
    public const string Tag = "tag";
    public const string Skill = "skill";
    public const string Department = "department";
    public const string Access = "access";
    public const string Url = "url";
    public const string Version = "version";
    public const string Updated = "updated";

    public const string TypeValues = "type_dv";
    public const string TagValues = "tag_dv";
    public const string DepartmentValues = "department_dv";
    public const string UpdatedValues = "updated_dv";

    /// <summary>The <see cref="Access"/> of what everyone may see; a restricted document's is its community's id.</summary>
    public const string Public = "public";

    /// <summary>Snippets are cut from the start of a body; reading further costs more than it shows.</summary>
    public const int MaxExcerpt = 10_000;

    public static Document ToLucene(SearchDocument document)
    {
        var lucene = new Document
        {
            new StringField(Key, document.Key, Field.Store.YES),
            new StringField(Type, document.Type, Field.Store.YES),
            new SortedDocValuesField(TypeValues, new BytesRef(document.Type)),
            new StoredField(Id, document.Id.ToString("D")),
            new TextField(Title, document.Title, Field.Store.YES),
            new TextField(PlainWords, $"{document.Title} , {string.Join(" , ", document.Tags)}", Field.Store.NO),
            new TextField(TitleWordPrefixes, document.Title, Field.Store.NO),
            new TextField(TitlePrefixes, document.Title, Field.Store.NO),
            new TextField(Body, document.Body, Field.Store.NO),
            new StoredField(BodyExcerpt, document.Body.Length > MaxExcerpt ? document.Body[..MaxExcerpt] : document.Body),
            new TextField(TagsText, string.Join(" , ", document.Tags), Field.Store.NO),
            new StringField(Access, AccessOf(document.RestrictedToCommunity), Field.Store.NO),
            new StoredField(Url, document.Url),
            new StoredField(Version, document.Version),
            new StoredField(Updated, document.UpdatedAt.UtcTicks),
            new NumericDocValuesField(UpdatedValues, document.UpdatedAt.UtcTicks),
        };
        foreach (var tag in document.Tags.Distinct(StringComparer.Ordinal))
        {
            lucene.Add(new StringField(Tag, tag, Field.Store.YES));
            lucene.Add(new SortedSetDocValuesField(TagValues, new BytesRef(tag)));
            if (document.Type == DocumentTypes.Person)
            {
                lucene.Add(new StringField(Skill, tag, Field.Store.NO));
            }
        }

        foreach (var department in document.Departments.Distinct(StringComparer.Ordinal))
        {
            lucene.Add(new StringField(Department, department, Field.Store.YES));
            lucene.Add(new SortedSetDocValuesField(DepartmentValues, new BytesRef(department)));
        }

        return lucene;
    }

    public static string AccessOf(Guid? restrictedToCommunity) => restrictedToCommunity?.ToString("D") ?? Public;

    /// <summary>What remains of a removed document: its key and version. It has no access, so no query finds it.</summary>
    public static Document Tombstone(DocumentRemoval removal) =>
    [
        new StringField(Key, removal.Key, Field.Store.YES),
        new StoredField(Version, removal.Version),
    ];

    public static long VersionOf(Document document) =>
        document.GetField(Version)?.GetInt64Value() ?? 0;

    public static DateTimeOffset UpdatedOf(Document document) =>
        new(document.GetField(Updated)?.GetInt64Value() ?? 0, TimeSpan.Zero);

    public static Guid IdOf(Document document) => Guid.Parse(document.Get(Id), CultureInfo.InvariantCulture);
}
