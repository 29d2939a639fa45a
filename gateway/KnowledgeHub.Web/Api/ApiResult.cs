using System.Net;

namespace KnowledgeHub.Web.Api;

/// <summary>
/// What the hub's API answered: the value on success, otherwise the problem's title and its
/// field errors (keyed by the API's field names) so a form can show each next to its field.
/// </summary>
internal sealed record ApiResult<T>(HttpStatusCode Status, T? Value, string? Problem, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool Succeeded => (int)Status is >= 200 and < 300;

    public bool NotFound => Status == HttpStatusCode.NotFound;

    public bool Forbidden => Status == HttpStatusCode.Forbidden;

    /// <summary>The field errors and title of a failed call, for a form to show.</summary>
    public FormOutcome ToOutcome() => Succeeded ? FormOutcome.None : new FormOutcome(Problem, Errors);

    /// <summary>As <see cref="ToOutcome()"/>, but a conditional write that found the resource changed since it was read (412) says <paramref name="whenChanged"/>.</summary>
    public FormOutcome ToOutcome(string whenChanged) =>
        Status == HttpStatusCode.PreconditionFailed ? new FormOutcome(whenChanged, new Dictionary<string, string[]>()) : ToOutcome();
}
