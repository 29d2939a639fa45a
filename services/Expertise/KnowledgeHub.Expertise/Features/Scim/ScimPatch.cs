using System.Text.Json.Nodes;

namespace KnowledgeHub.Expertise.Features.Scim;

/// <summary>One operation of a PatchOp request (RFC 7644 §3.5.2): add, replace or remove, with or without a path.</summary>
internal sealed record ScimOperation(string Op, string? Path, JsonNode? Value)
{
    public const string Add = "add";
    public const string Replace = "replace";
    public const string Remove = "remove";

    /// <summary>The operations of a PatchOp body, checked before any is applied.</summary>
    public static IReadOnlyList<ScimOperation> Read(JsonObject body)
    {
        if (ScimJson.Get(body, "Operations") is not JsonArray { Count: > 0 } operations)
        {
            throw ScimException.InvalidSyntax("'Operations' must be a non-empty array.");
        }

        return operations.Select(node =>
        {
            if (node is not JsonObject operation)
            {
                throw ScimException.InvalidSyntax("Each operation must be an object.");
            }

            var op = ScimJson.Text(ScimJson.Get(operation, "op"), "op")?.ToLowerInvariant();
            if (op is not (Add or Replace or Remove))
            {
                throw ScimException.InvalidSyntax($"Unknown operation '{op}': use add, replace or remove.");
            }

            var path = ScimJson.Text(ScimJson.Get(operation, "path"), "path");
            var value = ScimJson.Get(operation, "value");
            if (op == Remove && path is null)
            {
                throw ScimException.NoTarget("A remove operation needs a 'path'.");
            }

            if (op != Remove && value is null)
            {
                throw ScimException.InvalidValue($"An {op} operation needs a 'value'.");
            }

            return new ScimOperation(op, path, value);
        }).ToList();
    }
}
