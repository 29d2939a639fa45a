using KnowledgeHub.ServiceDefaults.Auth;

namespace KnowledgeHub.Expertise.Features.People;

/// <summary>
/// Expertise's own answer to whether a token's person was deactivated (ADR 0068), by the token's
/// person id or its e-mail, so a person is stopped however their identity provider names them; or
/// erased after the token was issued (ADR 0072), so no request of theirs adds data while or after
/// it is erased. Registered wherever Expertise runs; a change here forgets the remembered answer at once.
/// </summary>
internal sealed class ExpertisePersonStatus(ExpertiseDatabase database, TimeProvider time) : CachedPersonStatus(time)
{
    protected override async Task<bool?> LookUpAsync(TokenHolder holder, CancellationToken cancellationToken)
    {
        await using var session = await database.OpenSessionAsync(cancellationToken);
        return await session.ScalarAsync<bool>(
            """
            SELECT (SELECT count(*) FROM people WHERE (id = @Id OR email = @Email) AND deactivated_at IS NOT NULL)
                 + (SELECT count(*) FROM erasures WHERE person_id = @Id AND requested_at >= @IssuedAt) > 0
            """,
            new { Id = holder.PersonId, Email = holder.Email?.Trim().ToLowerInvariant() ?? "", holder.IssuedAt });
    }
}
