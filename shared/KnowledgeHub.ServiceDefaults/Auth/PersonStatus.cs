using System.Collections.Concurrent;

namespace KnowledgeHub.ServiceDefaults.Auth;

/// <summary>Who presents a validated token: the person it names, their e-mail, the token itself and when it was issued.</summary>
public sealed record TokenHolder(Guid PersonId, string? Email, string AccessToken, DateTimeOffset IssuedAt);

/// <summary>
/// The header on a 401 that refused a token because its person was deactivated or erased, so a
/// process asking another (the gateway asking Expertise) tells that apart from a token the other
/// could not check at all, say before it had fetched the keys to check it with.
/// </summary>
public static class PersonRefusal
{
    public const string Header = "KnowledgeHub-Person-Refused";
}

/// <summary>
/// Whether a token's person was deactivated (SCIM <c>active: false</c>, ADR 0068) or erased after
/// the token was issued (ADR 0072). Expertise knows; every process that hosts Expertise or proxies
/// to it registers one, and such a token is then refused there as if it were forged. Processes
/// without one accept valid tokens as before.
/// </summary>
public interface IPersonStatus
{
    ValueTask<bool> IsDeactivatedAsync(TokenHolder holder, CancellationToken cancellationToken);

    /// <summary>The same, asked of the authority now rather than remembered: for handing out a new token.</summary>
    ValueTask<bool> IsDeactivatedNowAsync(TokenHolder holder, CancellationToken cancellationToken);
}

/// <summary>
/// Remembers each answer for <see cref="Lifetime"/>, so a request costs a lookup only once per token
/// (a person and when their token was issued: an erasure refuses older tokens, not newer ones) and
/// period. An unknown answer (the authority unreachable) is not remembered and lets the caller in.
/// </summary>
public abstract class CachedPersonStatus(TimeProvider time) : IPersonStatus
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<(Guid PersonId, DateTimeOffset IssuedAt), (bool Deactivated, DateTimeOffset Until)> _answers = new();

    public ValueTask<bool> IsDeactivatedAsync(TokenHolder holder, CancellationToken cancellationToken) =>
        _answers.TryGetValue((holder.PersonId, holder.IssuedAt), out var known) && known.Until > time.GetUtcNow()
            ? ValueTask.FromResult(known.Deactivated)
            : IsDeactivatedNowAsync(holder, cancellationToken);

    public async ValueTask<bool> IsDeactivatedNowAsync(TokenHolder holder, CancellationToken cancellationToken)
    {
        var answer = await LookUpAsync(holder, cancellationToken);
        if (answer is { } deactivated)
        {
            _answers[(holder.PersonId, holder.IssuedAt)] = (deactivated, time.GetUtcNow() + Lifetime);
        }

        return answer ?? false;
    }

    /// <summary>Drops what is remembered of a person whose status just changed in this process.</summary>
    public void Forget(Guid personId)
    {
        foreach (var key in _answers.Keys.Where(key => key.PersonId == personId))
        {
            _answers.TryRemove(key, out _);
        }
    }

    /// <summary>True when deactivated, false when not, null when it cannot be known now.</summary>
    protected abstract Task<bool?> LookUpAsync(TokenHolder holder, CancellationToken cancellationToken);
}
