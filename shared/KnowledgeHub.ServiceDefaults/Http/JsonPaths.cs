namespace KnowledgeHub.ServiceDefaults.Http;

/// <summary>Maps System.Text.Json paths (<c>$.keyResults[2].target</c>) to the field names clients send.</summary>
internal static class JsonPaths
{
    public static string ToFieldName(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "body";
        }

        return path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
    }
}
