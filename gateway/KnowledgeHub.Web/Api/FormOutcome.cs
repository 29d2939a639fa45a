namespace KnowledgeHub.Web.Api;

/// <summary>
/// What went wrong with a submitted form: messages per field (the API's field names) and the
/// problem's title for what names no field shown on the form.
/// </summary>
public sealed record FormOutcome(string? Problem, IReadOnlyDictionary<string, string[]> Errors)
{
    public static readonly FormOutcome None = new(null, new Dictionary<string, string[]>());

    public IReadOnlyList<string> For(string field) =>
        Errors.TryGetValue(field, out var messages) ? messages : [];

    /// <summary>Messages for fields the form does not show, or the problem's title when no field is named.</summary>
    public IReadOnlyList<string> General(params string[] shownFields)
    {
        var unshown = Errors.Where(pair => !shownFields.Contains(pair.Key, StringComparer.OrdinalIgnoreCase)).SelectMany(pair => pair.Value).ToList();
        if (unshown.Count == 0 && Errors.Count == 0 && Problem is not null)
        {
            unshown.Add(Problem);
        }

        return unshown;
    }
}
