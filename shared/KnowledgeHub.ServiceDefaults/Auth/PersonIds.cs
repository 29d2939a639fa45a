using System.Security.Cryptography;
using System.Text;

namespace KnowledgeHub.ServiceDefaults.Auth;

/// <summary>
/// A person's id is a name-based UUID (RFC 9562 version 5) of the lower-cased e-mail address, so
/// the same address always yields the same id, whether the person signed in or was imported. An
/// identity provider whose subjects are not UUIDs gets ids named from issuer and subject.
/// </summary>
public static class PersonIds
{
    // A fixed namespace for KnowledgeHub people; changing it would change every person's id.
    private static readonly Guid Namespace = new("6f1c6a52-3a9e-4d59-9a8e-5b1f0c2d7e41");

    /// <summary>
    /// Whom an erased person's contributions are shown as by (ADR 0072): one id for every former
    /// member, named from no e-mail address, so a person signing up again does not get them back.
    /// </summary>
    public static readonly Guid FormerMember = NameBased("former member");

    public const string FormerMemberName = "Former member";

    public static Guid FromEmail(string email) => NameBased(email.Trim().ToLowerInvariant());

    /// <summary>The person id of an identity provider's subject that is not a UUID: issuer and subject named together.</summary>
    public static Guid FromExternalSubject(string issuer, string subject) => NameBased($"{issuer}\n{subject}");

    /// <summary>
    /// The person a token's subject names: a UUID subject is the person id (the dev sign-in issues
    /// those); another provider's subject that is not a UUID is named into one (UUID v5 of issuer and
    /// subject), so it stays stable. Null when the token names no person.
    /// </summary>
    private static Guid? FromTokenSubject(string? subject, string issuer, bool foreignSubjects) =>
        string.IsNullOrWhiteSpace(subject) ? null
        : Guid.TryParse(subject, out var id) ? (id == Guid.Empty ? null : id)
        : foreignSubjects ? FromExternalSubject(issuer, subject)
        : null;

    /// <summary>
    /// The person a validated token names, as every process and the web UI read it. A token from the
    /// organisation's OpenID Connect provider (ADR 0071) names them by its e-mail, the join key of
    /// imports and SCIM provisioning (ADR 0068), so the provisioned and the signed-in person are one;
    /// without an e-mail, by issuer and subject.
    /// </summary>
    public static Guid? FromToken(string? subject, string? email, string issuer, AuthSettings settings) =>
        settings.UsesOidc && Http.EmailAddresses.IsValid(email?.Trim())
            ? FromEmail(email!)
            : FromTokenSubject(subject, issuer, settings.AcceptsForeignSubjects);

    private static Guid NameBased(string text)
    {
        var name = Encoding.UTF8.GetBytes(text);
        var namespaceBytes = Namespace.ToByteArray(bigEndian: true);

        var input = new byte[namespaceBytes.Length + name.Length];
        namespaceBytes.CopyTo(input, 0);
        name.CopyTo(input, namespaceBytes.Length);

#pragma warning disable CA5350 // SHA-1 is what RFC 9562 prescribes for version 5; it names, it does not protect.
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
