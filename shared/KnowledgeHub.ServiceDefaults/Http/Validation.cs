using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KnowledgeHub.ServiceDefaults.Http;

/// <summary>Collects field errors for one request and turns them into a 400 problem.</summary>
public sealed class Validation
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    public Validation Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }

        messages.Add(message);
        return this;
    }

    /// <summary>
    /// Reads If-Match for a conditional write: the version the client read, or null for an
    /// unconditional one. A header that is no ETag of ours is a field error; a stale one answers 412 later.
    /// </summary>
    public Validation IfMatch(HttpRequest request, out long? expectedVersion) =>
        ETags.TryReadIfMatch(request, out expectedVersion) ? this : Add("If-Match", "If-Match must be an ETag this API handed out.");

    /// <summary>Records an error unless <paramref name="condition"/> holds.</summary>
    public Validation Require(bool condition, string field, string message) => condition ? this : Add(field, message);

    /// <summary>A required text of at most <paramref name="maxLength"/> characters, not blank.</summary>
    public Validation RequireText(string? value, string field, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Add(field, $"'{field}' is required.");
        }

        return Require(value.Length <= maxLength, field, $"'{field}' must be at most {maxLength} characters.");
    }

    /// <summary>An optional text of at most <paramref name="maxLength"/> characters.</summary>
    public Validation OptionalText(string? value, string field, int maxLength) =>
        Require(value is null || value.Length <= maxLength, field, $"'{field}' must be at most {maxLength} characters.");

    /// <summary>A value from a closed set, compared exactly.</summary>
    public Validation RequireOneOf(string? value, string field, IReadOnlyCollection<string> allowed)
    {
        if (value is null)
        {
            return Add(field, $"'{field}' is required.");
        }

        return Require(allowed.Contains(value), field, $"'{field}' must be one of: {string.Join(", ", allowed)}.");
    }

    public ValidationProblem ToProblem(string title = "The request has invalid fields.") =>
        TypedResults.ValidationProblem(
            _errors.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal),
            title: title);
}
