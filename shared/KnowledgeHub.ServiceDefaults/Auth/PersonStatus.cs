using System.Collections.Concurrent;

namespace KnowledgeHub.ServiceDefaults.Auth;

/// <summary>Who presents a validated token: the person it names, their e-mail, and the token itself.</summary>
public sealed record TokenHolder(Guid PersonId, string? Email, string AccessToken);

/// <summary>
/// Whether a person was deactivated (SCIM <c>active: false</c>, ADR 0068). Expertise knows; every
/// process that hosts Expertise or proxies to it registers one, and a token of a deactivated person
/// is then refused there as if it were forged. Processes without one accept valid tokens as before.
/// </summary>
public interface IPersonStatus
{
    ValueTask<bool> IsDeactivatedAsync(TokenHolder holder, CancellationToken cancellationToken);

    /// <summary>The same, asked of the authority now rather than remembered: for handing out a new token.</summary>
    ValueTask<bool> IsDeactivatedNowAsync(TokenHolder holder, CancellationToken cancellationToken);
}

/// <summary>
/// Remembers each answer for <see cref="Lifetime"/>, so a request costs a lookup only once per person
/// and period. An unknown answer (the authority unreachable) is not remembered and lets the caller in.
/// </summary>
public abstract class CachedPersonStatus(TimeProvider time) : IPersonStatus
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<Guid, (bool Deactivated, DateTimeOffset Until)> _answers = new();

    public ValueTask<bool> IsDeactivatedAsync(TokenHolder holder, CancellationToken cancellationToken) =>
        _answers.TryGetValue(holder.PersonId, out var known) && known.Until > time.GetUtcNow()
            ? ValueTask.FromResult(known.Deactivated)
            : IsDeactivatedNowAsync(holder, cancellationToken);

    public async ValueTask<bool> IsDeactivatedNowAsync(TokenHolder holder, CancellationToken cancellationToken)
    {
        var answer = await LookUpAsync(holder, cancellationToken);
        if (answer is { } deactivated)
        {
            _answers[holder.PersonId] = (deactivated, time.GetUtcNow() + Lifetime);
        }

        return answer ?? false;
    }

    /// <summary>Drops what is remembered of a person whose status just changed in this process.</summary>
    public void Forget(Guid personId) => _answers.TryRemove(personId, out _);

    /// <summary>True when deactivated, false when not, null when it cannot be known now.</summary>
    protected abstract Task<bool?> LookUpAsync(TokenHolder holder, CancellationToken cancellationToken);
}
