using System.Diagnostics.CodeAnalysis;
using System.Net.Mail;

namespace KnowledgeHub.ServiceDefaults.Http;

/// <summary>The one rule for an e-mail address the hub accepts as a person's identity.</summary>
public static class EmailAddresses
{
    /// <summary>A plain address (no display name, no surrounding text) of at most 254 characters.</summary>
    public static bool IsValid([NotNullWhen(true)] string? email) =>
        !string.IsNullOrEmpty(email) && email.Length <= 254
        && MailAddress.TryCreate(email, out var address) && address.Address == email;
}
