using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace KnowledgeHub.Expertise.Features.Scim;

/// <summary>
/// Applies a PatchOp to a User's fields as Microsoft Entra ID and Okta send it: add, replace and
/// remove, with a path (<c>name.givenName</c>, <c>emails[type eq "work"].value</c>, the enterprise
/// extension's <c>department</c>, <c>active</c>) or without one (a value object of attributes, keys
/// possibly dotted). Works on a copy: an error leaves nothing half-applied.
/// </summary>
internal static partial class ScimUserPatch
{
    private const string CorePrefix = ScimSchemas.User + ":";
    private const string EnterprisePrefix = ScimSchemas.EnterpriseUser + ":";

    public static ScimUserFields Apply(ScimUserFields current, IReadOnlyList<ScimOperation> operations)
    {
        var fields = current with { };
        foreach (var operation in operations)
        {
            if (operation.Path is null)
            {
                if (operation.Value is not JsonObject attributes)
                {
                    throw ScimException.InvalidValue("Without a 'path', an operation's value must be an object of attributes.");
                }

                foreach (var (name, value) in attributes)
                {
                    SetAttribute(fields, name, value);
                }
            }
            else if (operation.Op == ScimOperation.Remove)
            {
                SetAttribute(fields, operation.Path, null);
            }
            else
            {
                SetAttribute(fields, operation.Path, operation.Value);
            }
        }

        return fields;
    }

    /// <summary>Sets one attribute by its path; a null value removes it.</summary>
    private static void SetAttribute(ScimUserFields fields, string path, JsonNode? value)
    {
        if (path.StartsWith(EnterprisePrefix, StringComparison.OrdinalIgnoreCase))
        {
            SetEnterprise(fields, path[EnterprisePrefix.Length..], value);
            return;
        }

        if (string.Equals(path, ScimSchemas.EnterpriseUser, StringComparison.OrdinalIgnoreCase))
        {
            fields.SetEnterprise(value);
            return;
        }

        var attribute = path.StartsWith(CorePrefix, StringComparison.OrdinalIgnoreCase) ? path[CorePrefix.Length..] : path;
        if (attribute.StartsWith("urn:", StringComparison.OrdinalIgnoreCase))
        {
            throw ScimException.InvalidPath($"'{path}' names a schema this hub does not know.");
        }

        switch (attribute.ToLowerInvariant())
        {
            case "username":
                fields.UserName = ScimJson.Text(value, "userName");
                break;
            case "externalid":
                fields.ExternalId = ScimJson.Text(value, "externalId");
                break;
            case "displayname":
                fields.DisplayName = ScimJson.Text(value, "displayName");
                break;
            case "title":
                fields.Title = ScimJson.Text(value, "title");
                break;
            case "active":
                fields.Active = value is null
                    ? throw ScimException.Mutability("'active' cannot be removed; set it to false to deactivate.")
                    : ScimJson.Boolean(value, "active");
                break;
            case "name":
                fields.SetName(value);
                break;
            case "name.givenname":
                fields.GivenName = ScimJson.Text(value, "name.givenName");
                break;
            case "name.familyname":
                fields.FamilyName = ScimJson.Text(value, "name.familyName");
                break;
            case "emails":
                fields.SetEmails(value);
                break;
            default:
                if (WorkEmail().Match(attribute) is { Success: true } email)
                {
                    if (string.Equals(email.Groups["type"].Value, "work", StringComparison.OrdinalIgnoreCase))
                    {
                        fields.WorkEmail = ScimJson.Text(value, "emails.value");
                    }
                }
                else if (attribute.Contains('[', StringComparison.Ordinal) && !ValueFilter().IsMatch(attribute))
                {
                    throw ScimException.InvalidPath($"'{path}' is not a path this hub understands.");
                }

                // Other attributes of the User schema (phone numbers, addresses, ...) are accepted and not kept.
                break;
        }
    }

    private static void SetEnterprise(ScimUserFields fields, string attribute, JsonNode? value)
    {
        if (string.Equals(attribute, "department", StringComparison.OrdinalIgnoreCase))
        {
            fields.Department = ScimJson.Text(value, "department");
        }

        // The extension's other attributes (employeeNumber, manager, ...) are accepted and not kept.
    }

    [GeneratedRegex("""^emails\[\s*type\s+eq\s+"(?<type>[^"]*)"\s*\]\.value$""", RegexOptions.IgnoreCase)]
    private static partial Regex WorkEmail();

    /// <summary>A multi-valued attribute's value filter, <c>attribute[type eq "x"].sub</c>: well formed, though not one the hub keeps.</summary>
    [GeneratedRegex("""^[A-Za-z]\w*\[\s*\w+\s+eq\s+"[^"]*"\s*\](\.\w+)?$""", RegexOptions.IgnoreCase)]
    private static partial Regex ValueFilter();
}
