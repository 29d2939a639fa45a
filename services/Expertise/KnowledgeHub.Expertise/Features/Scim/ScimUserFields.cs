using System.Text.Json.Nodes;
using KnowledgeHub.Expertise.Features.People;
using KnowledgeHub.ServiceDefaults.Http;

namespace KnowledgeHub.Expertise.Features.Scim;

/// <summary>
/// What a SCIM User says of a person (RFC 7643 §4.1, and <c>department</c> of the enterprise
/// extension). The hub keeps these attributes; others of the two schemas are accepted and not kept.
/// </summary>
internal sealed record ScimUserFields
{
    public string? UserName { get; set; }

    public string? ExternalId { get; set; }

    public string? GivenName { get; set; }

    public string? FamilyName { get; set; }

    public string? DisplayName { get; set; }

    public string? Title { get; set; }

    public string? WorkEmail { get; set; }

    public string? Department { get; set; }

    public bool Active { get; set; } = true;

    /// <summary>The e-mail address that names the person in the hub (ADR 0068): the userName, lower-cased.</summary>
    public string Email => UserName!.Trim().ToLowerInvariant();

    /// <summary>A whole User as POST and PUT send it.</summary>
    public static ScimUserFields FromBody(JsonObject body)
    {
        var fields = new ScimUserFields
        {
            UserName = ScimJson.Text(ScimJson.Get(body, "userName"), "userName"),
            ExternalId = ScimJson.Text(ScimJson.Get(body, "externalId"), "externalId"),
            DisplayName = ScimJson.Text(ScimJson.Get(body, "displayName"), "displayName"),
            Title = ScimJson.Text(ScimJson.Get(body, "title"), "title"),
            Active = ScimJson.Get(body, "active") is not { } active || ScimJson.Boolean(active, "active"),
        };
        fields.SetName(ScimJson.Get(body, "name"));
        fields.SetEmails(ScimJson.Get(body, "emails"));
        fields.SetEnterprise(ScimJson.Get(body, ScimSchemas.EnterpriseUser));
        return fields;
    }

    public void SetName(JsonNode? name)
    {
        if (name is not (null or JsonObject))
        {
            throw ScimException.InvalidValue("'name' must be an object.");
        }

        GivenName = ScimJson.Text(name is JsonObject given ? ScimJson.Get(given, "givenName") : null, "name.givenName");
        FamilyName = ScimJson.Text(name is JsonObject family ? ScimJson.Get(family, "familyName") : null, "name.familyName");
    }

    /// <summary>The work address of <c>emails</c>, else the primary one, else the first.</summary>
    public void SetEmails(JsonNode? emails)
    {
        if (emails is not (null or JsonArray) || (emails is JsonArray list && list.Any(item => item is not JsonObject)))
        {
            throw ScimException.InvalidValue("'emails' must be an array of { value, type, primary }.");
        }

        var addresses = (emails as JsonArray ?? []).OfType<JsonObject>().ToList();
        var chosen = addresses.FirstOrDefault(email => string.Equals(ScimJson.Text(ScimJson.Get(email, "type"), "emails.type"), "work", StringComparison.OrdinalIgnoreCase))
            ?? addresses.FirstOrDefault(email => ScimJson.Get(email, "primary") is { } primary && ScimJson.Boolean(primary, "emails.primary"))
            ?? addresses.FirstOrDefault();
        WorkEmail = chosen is null ? null : ScimJson.Text(ScimJson.Get(chosen, "value"), "emails.value");
    }

    public void SetEnterprise(JsonNode? extension)
    {
        if (extension is not (null or JsonObject))
        {
            throw ScimException.InvalidValue($"'{ScimSchemas.EnterpriseUser}' must be an object.");
        }

        Department = extension is JsonObject values ? ScimJson.Text(ScimJson.Get(values, "department"), "department") : null;
    }

    /// <summary>The rules a User must meet before it is written; the first broken one is the answer.</summary>
    public void Check()
    {
        if (!EmailAddresses.IsValid(UserName?.Trim().ToLowerInvariant()))
        {
            throw ScimException.InvalidValue("'userName' must be an e-mail address: it is the person's identity in the hub.");
        }

        if (WorkEmail is not null && !EmailAddresses.IsValid(WorkEmail))
        {
            throw ScimException.InvalidValue("'emails' value must be an e-mail address.");
        }

        foreach (var (value, name, length) in new[]
                 {
                     (DisplayName, "displayName", ProfileRules.MaxNameLength), (GivenName, "name.givenName", ProfileRules.MaxNameLength),
                     (FamilyName, "name.familyName", ProfileRules.MaxNameLength), (Title, "title", 100), (ExternalId, "externalId", 256),
                     (Department, "department", 100),
                 })
        {
            if (value?.Length > length)
            {
                throw ScimException.InvalidValue($"'{name}' must be at most {length} characters.");
            }
        }
    }

    /// <summary>The name the directory shows: displayName, else the given and family names, else the address's local part.</summary>
    public string ShownName()
    {
        var name = DisplayName
            ?? (string.Join(' ', new[] { GivenName, FamilyName }.Where(part => part is not null)) is { Length: > 0 } full ? full : Email.Split('@')[0]);
        return name.Length <= ProfileRules.MaxNameLength ? name : name[..ProfileRules.MaxNameLength];
    }
}
