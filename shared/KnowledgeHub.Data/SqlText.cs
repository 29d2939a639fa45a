namespace KnowledgeHub.Data;

public static class SqlText
{
    /// <summary>A LIKE pattern that finds <paramref name="text"/> anywhere, lower-cased; use with <c>ESCAPE '\'</c>.</summary>
    public static string ContainsPattern(string text) =>
        "%" + text.Trim().ToLowerInvariant().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
}
