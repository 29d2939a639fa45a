using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using KnowledgeHub.ServiceDefaults.Auth;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace KnowledgeHub.Security.Tests;

/// <summary>The attacks on a bearer token that a validator must refuse.</summary>
public enum TokenAttack
{
    AlgorithmNone,
    Hs256SignedWithThePublicKey,
    ExpiredBeyondTheClockSkew,
    NotYetValid,
    WithoutExpiry,
    WrongAudience,
    WrongIssuer,
    TamperedPayload,
    SignedByAnotherKeyUnderTheRealKeyId,
    SignedByAnotherKeyWithoutKeyId,
    SignedByAnotherKeyWithAnUnknownKeyId,
    NotAToken,

    // Validly signed, but saying too little or too much (issue 24): these answered 500 or were accepted.
    SubjectMissing,
    SubjectNotAUuid,
    SubjectIsTheEmptyUuid,
    ExpiresInTheYear9999,
}

/// <summary>
/// Mints tokens as the hub's dev sign-in would (claims, issuer, audience, key) and then breaks one
/// thing at a time, so a refusal can only come from the broken part.
/// </summary>
public sealed class ForgedTokens(DevSigningKey key, AuthSettings settings, string email)
{
    /// <summary>How far outside the 30 s clock skew the lifetime attacks step.</summary>
    private static readonly TimeSpan WellPastTheSkew = TimeSpan.FromMinutes(5);

    /// <summary>A key the hub never trusted; made once, as generating RSA keys is slow.</summary>
    private static readonly RSA AnotherKey = RSA.Create(2048);

    public string Valid() => Sign(Descriptor());

    public string Forge(TokenAttack attack)
    {
        var now = DateTime.UtcNow;
        return attack switch
        {
            TokenAttack.AlgorithmNone => Unsigned(),
            TokenAttack.Hs256SignedWithThePublicKey => SignedWithThePublicKeyAsHmacSecret(),
            TokenAttack.ExpiredBeyondTheClockSkew => Sign(Descriptor(now - TimeSpan.FromHours(1), now - WellPastTheSkew)),
            TokenAttack.NotYetValid => Sign(Descriptor(now + WellPastTheSkew, now + TimeSpan.FromHours(1))),
            TokenAttack.WithoutExpiry => Sign(Descriptor(), withExpiry: false),
            TokenAttack.WrongAudience => Sign(Descriptor(audience: "another-api")),
            TokenAttack.WrongIssuer => Sign(Descriptor(issuer: "https://evil.example.com")),
            TokenAttack.TamperedPayload => WithPayloadSwapped(Valid()),
            TokenAttack.SignedByAnotherKeyUnderTheRealKeyId => SignWithAnotherKey(key.KeyId),
            TokenAttack.SignedByAnotherKeyWithoutKeyId => SignWithAnotherKey(keyId: null),
            TokenAttack.SignedByAnotherKeyWithAnUnknownKeyId => SignWithAnotherKey("unknown-key"),
            TokenAttack.NotAToken => "not-a-token",
            TokenAttack.SubjectMissing => Sign(Descriptor(subject: null)),
            TokenAttack.SubjectNotAUuid => Sign(Descriptor(subject: "mallory")),
            TokenAttack.SubjectIsTheEmptyUuid => Sign(Descriptor(subject: Guid.Empty.ToString())),
            TokenAttack.ExpiresInTheYear9999 => Sign(Descriptor(expires: new DateTime(9999, 12, 31, 0, 0, 0, DateTimeKind.Utc))),
            _ => throw new ArgumentOutOfRangeException(nameof(attack), attack, null),
        };
    }

    private SecurityTokenDescriptor Descriptor(DateTime? notBefore = null, DateTime? expires = null, string? issuer = null, string? audience = null, string? subject = "")
    {
        var from = notBefore ?? DateTime.UtcNow;
        return new SecurityTokenDescriptor
        {
            Issuer = issuer ?? settings.Issuer,
            Audience = audience ?? settings.Audience,
            IssuedAt = from,
            NotBefore = from,
            Expires = expires ?? from + TimeSpan.FromMinutes(10),
            Claims = WithSubject(Claims([]), subject),
            SigningCredentials = new SigningCredentials(key.Key, SecurityAlgorithms.RsaSha256),
        };
    }

    private Dictionary<string, object> Claims(string[] roles) => new()
    {
        [HubClaims.Subject] = PersonIds.FromEmail(email).ToString(),
        [HubClaims.Email] = email,
        [HubClaims.Name] = "Mallory",
        [HubClaims.Roles] = roles,
    };

    /// <summary>An empty <paramref name="subject"/> keeps the genuine one; null leaves none.</summary>
    private static Dictionary<string, object> WithSubject(Dictionary<string, object> claims, string? subject)
    {
        if (subject is null)
        {
            claims.Remove(HubClaims.Subject);
        }
        else if (subject.Length > 0)
        {
            claims[HubClaims.Subject] = subject;
        }

        return claims;
    }

    private static string Sign(SecurityTokenDescriptor descriptor, bool withExpiry = true)
    {
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = withExpiry };
        if (!withExpiry)
        {
            descriptor.Expires = null;
        }

        return handler.CreateToken(descriptor);
    }

    private string SignWithAnotherKey(string? keyId)
    {
        var other = new RsaSecurityKey(AnotherKey) { KeyId = keyId };
        var descriptor = Descriptor();
        descriptor.SigningCredentials = new SigningCredentials(other, SecurityAlgorithms.RsaSha256);
        return Sign(descriptor);
    }

    private string Payload(string[] roles)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var claims = Claims(roles);
        claims["iss"] = settings.Issuer;
        claims["aud"] = settings.Audience;
        claims["nbf"] = now;
        claims["iat"] = now;
        claims["exp"] = now + 600;
        return Base64UrlEncoder.Encode(JsonSerializer.Serialize(claims));
    }

    private string Unsigned() =>
        $"{Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""")}.{Payload([Roles.Admin])}.";

    /// <summary>The classic confusion: HMAC keyed with the public key, which anyone can fetch from the JWKS.</summary>
    private string SignedWithThePublicKeyAsHmacSecret()
    {
        var header = Base64UrlEncoder.Encode($$"""{"alg":"HS256","typ":"JWT","kid":"{{key.KeyId}}"}""");
        var content = $"{header}.{Payload([Roles.Admin])}";
        var secret = Encoding.UTF8.GetBytes(key.Key.Rsa.ExportSubjectPublicKeyInfoPem());
        return $"{content}.{Base64UrlEncoder.Encode(HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(content)))}";
    }

    /// <summary>A genuine token whose payload now claims the admin role, its signature left as it was.</summary>
    private string WithPayloadSwapped(string token)
    {
        var parts = token.Split('.');
        return $"{parts[0]}.{Payload([Roles.Admin])}.{parts[2]}";
    }
}
