using KnowledgeHub.ServiceDefaults.Http;

namespace KnowledgeHub.Alignment.Features.Objectives;

/// <param name="Id">Only when editing: the key result this entry replaces. Entries without one are new.</param>
/// <param name="Owners">People who own this key result besides the objective's owners; left out, an edit keeps them.</param>
internal sealed record KeyResultRequest(Guid? Id, string? Title, decimal? Baseline, decimal? Target, decimal? Current, string? Unit, IReadOnlyList<Guid>? Owners = null);

internal sealed record ObjectiveRequest(
    string? Title,
    string? Description,
    string? Department,
    string? Period,
    int? Priority,
    IReadOnlyList<KeyResultRequest?>? KeyResults,
    IReadOnlyList<Guid>? Owners = null,
    IReadOnlyList<string?>? OwnerDepartments = null);

/// <param name="Current">Null when an edit leaves the current value as it is.</param>
internal sealed record KeyResultInput(Guid? Id, string Title, decimal Baseline, decimal Target, decimal? Current, string Unit, IReadOnlyList<Guid>? Owners);

internal sealed record ObjectiveInput(
    string Title,
    string Description,
    string Department,
    string Period,
    int Priority,
    IReadOnlyList<KeyResultInput> KeyResults,
    IReadOnlyList<Guid>? Owners,
    IReadOnlyList<string>? OwnerDepartments)
{
    /// <summary>The owner departments: the objective's own first, then the co-owners named (or, when none are named, the given ones).</summary>
    public IReadOnlyList<string> DepartmentsOwning(IEnumerable<string> otherwise) =>
        [Department, .. (OwnerDepartments ?? otherwise).Where(code => code != Department).Distinct(StringComparer.Ordinal)];
}

/// <summary>The rules an objective and its key results obey when created or edited.</summary>
internal static class ObjectiveRules
{
    public const int DefaultPriority = 3;
    public const int MaxKeyResults = 10;

    /// <summary>numeric(18,4): fourteen digits before the point.</summary>
    public const decimal MaxMagnitude = 99_999_999_999_999m;

    /// <summary>Checks the shape of <paramref name="request"/>; null when <paramref name="validation"/> found errors.</summary>
    /// <param name="editing">Whether key results may name the existing key result they replace.</param>
    public static ObjectiveInput? Validate(ObjectiveRequest request, bool editing, Validation validation)
    {
        var department = DepartmentCodes.Normalize(request.Department);
        validation
            .RequireText(request.Title, "title", 200)
            .OptionalText(request.Description, "description", 4000)
            .Require(department is not null, "department", $"'department' is a department code ({DepartmentCodes.Rule}).")
            .Require(request.Priority is null or (>= 1 and <= 5), "priority", "'priority' is 1 (highest) to 5 (lowest).")
            .Require((request.KeyResults?.Count ?? 0) <= MaxKeyResults, "keyResults", $"At most {MaxKeyResults} key results.");
        var period = Periods.Check(request.Period, "period", validation);
        CheckOwners(request.Owners, "owners", validation);
        var ownerDepartments = request.OwnerDepartments?.Select(DepartmentCodes.Normalize).ToList();
        validation.Require(
            ownerDepartments is null || (ownerDepartments.Count <= ObjectiveOwners.MaxOwners && ownerDepartments.All(code => code is not null)),
            "ownerDepartments",
            $"'ownerDepartments' is at most {ObjectiveOwners.MaxOwners} department codes ({DepartmentCodes.Rule}).");
        var keyResults = new List<KeyResultInput>();
        var requests = request.KeyResults ?? [];
        for (var index = 0; index < requests.Count; index++)
        {
            if (CheckKeyResult(requests[index], $"keyResults[{index}]", editing, validation) is { } keyResult)
            {
                keyResults.Add(keyResult);
            }
        }

        var ids = keyResults.Where(keyResult => keyResult.Id is not null).Select(keyResult => keyResult.Id).ToList();
        validation.Require(ids.Distinct().Count() == ids.Count, "keyResults", "Each key result may appear only once.");
        if (!validation.IsValid)
        {
            return null;
        }

        return new ObjectiveInput(
            request.Title!.Trim(),
            request.Description?.Trim() ?? "",
            department!,
            period!,
            request.Priority ?? DefaultPriority,
            keyResults,
            request.Owners,
            ownerDepartments?.Select(code => code!).ToList());
    }

    /// <summary>A measured value: present, within numeric(18,4), kept to four decimals.</summary>
    public static decimal? CheckValue(decimal? value, string field, bool required, Validation validation)
    {
        if (value is null)
        {
            validation.Require(!required, field, $"'{field}' is required.");
            return null;
        }

        validation.Require(Math.Abs(value.Value) <= MaxMagnitude, field, $"'{field}' must be between -{MaxMagnitude} and {MaxMagnitude}.");
        return decimal.Round(value.Value, 4);
    }

    private static KeyResultInput? CheckKeyResult(KeyResultRequest? request, string field, bool editing, Validation validation)
    {
        if (request is null)
        {
            validation.Add(field, $"'{field}' must be an object {{ title, baseline, target, current, unit }}.");
            return null;
        }

        CheckOwners(request.Owners, $"{field}.owners", validation);
        validation
            .RequireText(request.Title, $"{field}.title", 200)
            .OptionalText(request.Unit, $"{field}.unit", 32)
            .Require(editing || request.Id is null, $"{field}.id", "A new objective's key results have no id yet.");
        var baseline = CheckValue(request.Baseline, $"{field}.baseline", required: true, validation);
        var target = CheckValue(request.Target, $"{field}.target", required: true, validation);
        var current = CheckValue(request.Current, $"{field}.current", required: false, validation);
        validation.Require(
            baseline is null || target is null || baseline != target,
            $"{field}.target",
            $"'{field}.target' must differ from its baseline: a key result measures a change.");
        if (baseline is null || target is null || string.IsNullOrWhiteSpace(request.Title))
        {
            return null;
        }

        return new KeyResultInput(request.Id, request.Title.Trim(), baseline.Value, target.Value, current, request.Unit?.Trim() ?? "", request.Owners);
    }

    private static void CheckOwners(IReadOnlyList<Guid>? owners, string field, Validation validation) =>
        validation.Require(
            owners is null || (owners.Count is >= 1 and <= ObjectiveOwners.MaxOwners && !owners.Contains(Guid.Empty)),
            field,
            $"'{field}' is 1 to {ObjectiveOwners.MaxOwners} person ids.");
}
