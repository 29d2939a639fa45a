using KnowledgeHub.Web.Api;

namespace KnowledgeHub.Web.Components;

/// <summary>People the hub knows (signed in once, or imported), found by the e-mail a form was given.</summary>
internal static class PeopleDirectory
{
    public static async Task<Person?> FindByEmailAsync(HubApi api, string email)
    {
        email = email.Trim();
        return email.Length == 0 ? null
            : (await api.GetAsync<Page<Person>>($"/api/people?q={Uri.EscapeDataString(email)}&limit=20")).Value?.Items
                .FirstOrDefault(candidate => string.Equals(candidate.Email, email, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The people with these comma-separated e-mails, and the e-mails no one has.</summary>
    public static async Task<(List<Guid> Ids, List<string> Unknown)> FindAllAsync(HubApi api, string? emails)
    {
        var ids = new List<Guid>();
        var unknown = new List<string>();
        foreach (var email in HubPage.SplitTags(emails))
        {
            if (await FindByEmailAsync(api, email) is { } person)
            {
                ids.Add(person.Id);
            }
            else
            {
                unknown.Add(email);
            }
        }

        return (ids, unknown);
    }

    /// <summary>The e-mails of these people, comma-separated, for a form to show.</summary>
    public static async Task<string> EmailsAsync(HubApi api, IEnumerable<Guid> people)
    {
        var emails = new List<string>();
        foreach (var id in people)
        {
            if ((await api.GetAsync<Person>($"/api/people/{id}")).Value is { } person)
            {
                emails.Add(person.Email);
            }
        }

        return string.Join(", ", emails);
    }
}
