using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Expertise.Features.Scim;

/// <summary>
/// Renames a department or changes its members as Entra ID (<c>remove</c> on <c>members</c> with a
/// value list) and Okta (<c>remove</c> on <c>members[value eq "id"]</c>) send it; all or nothing.
/// </summary>
internal static partial class PatchScimGroup
{
    public static void Map(IEndpointRouteBuilder scim) =>
        scim.MapPatch("/Groups/{id}", HandleAsync)
            .WithName(nameof(PatchScimGroup))
            .WithSummary("SCIM: rename a department, add members (moving them in) or remove them (to UNASSIGNED).");

    private static async Task<IResult> HandleAsync(string id, HttpRequest request, ExpertiseDatabase database, ScimGroups groups, CancellationToken cancellationToken)
    {
        var operations = ScimOperation.Read(await ScimJson.ReadAsync(request, ScimSchemas.PatchOp));
        await groups.UpdateAsync(id, current => operations.Aggregate(current, Apply), cancellationToken);
        return await ReplaceScimGroup.GroupAsync(database, id, request, cancellationToken);
    }

    private static ScimGroupState Apply(ScimGroupState state, ScimOperation operation)
    {
        if (operation.Path is null)
        {
            return operation.Value is JsonObject attributes
                ? attributes.Aggregate(state, (changed, attribute) => Set(changed, operation.Op, attribute.Key, attribute.Value))
                : throw ScimException.InvalidValue("Without a 'path', an operation's value must be an object of attributes.");
        }

        if (MemberPath().Match(operation.Path) is { Success: true } member)
        {
            return operation.Op == ScimOperation.Remove
                ? state with { Members = state.Members.Except(ScimGroupState.Ids([member.Groups["id"].Value])).ToHashSet() }
                : throw ScimException.InvalidPath("A filtered members path can only be removed.");
        }

        return Set(state, operation.Op, operation.Path, operation.Value);
    }

    private static ScimGroupState Set(ScimGroupState state, string op, string path, JsonNode? value)
    {
        var attribute = path.StartsWith(ScimSchemas.Group + ":", StringComparison.OrdinalIgnoreCase) ? path[(ScimSchemas.Group.Length + 1)..] : path;
        switch (attribute.ToLowerInvariant())
        {
            case "displayname":
                return op == ScimOperation.Remove
                    ? throw ScimException.Mutability("'displayName' is required; replace it instead.")
                    : state with { DisplayName = ScimJson.Text(value, "displayName") };
            case "members":
                var named = value is null ? state.Members : ScimGroupState.Ids(ScimJson.MemberIds(value));
                return state with
                {
                    Members = op switch
                    {
                        ScimOperation.Add => state.Members.Union(named).ToHashSet(),
                        ScimOperation.Replace => named,
                        _ => state.Members.Except(named).ToHashSet(),
                    },
                };
            default:
                return attribute.StartsWith("urn:", StringComparison.OrdinalIgnoreCase)
                    ? throw ScimException.InvalidPath($"'{path}' names a schema this hub does not know.")
                    : state; // externalId and other Group attributes are accepted and not kept.
        }
    }

    [GeneratedRegex("""^members\[\s*value\s+eq\s+"(?<id>[^"]*)"\s*\]$""", RegexOptions.IgnoreCase)]
    private static partial Regex MemberPath();
}
