using System.Collections.Concurrent;
using System.Security.Claims;
using KnowledgeHub.Contracts.Expertise;
using KnowledgeHub.ServiceDefaults.Auth;
using MassTransit;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KnowledgeHub.Messaging.People;

/// <summary>
/// Announces each person's first authenticated request to this process (<see cref="PersonSeen"/>),
/// so that Expertise creates their profile whatever route they called first. A request never waits
/// for the broker: it hands the person to a bounded queue that this service publishes from, and a
/// person whose announcement was dropped or failed is announced again on their next request.
/// Remembers one id per person seen since the process started.
/// </summary>
public sealed partial class PeopleSeen(IBus bus, TimeProvider time, ILogger<PeopleSeen> logger) : QueuedPublisher<PersonSeen>(bus, capacity: 1000)
{
    private readonly ConcurrentDictionary<Guid, bool> _announced = new();

    public void Saw(ClaimsPrincipal user)
    {
        if (!Guid.TryParse(user.FindFirstValue(HubClaims.Subject), out var id) || !_announced.TryAdd(id, true))
        {
            return;
        }

        if (!TryQueue(new PersonSeen(id, user.Email(), user.DisplayName(), user.Department(), time.GetUtcNow(), user.TokenIssuedAt())))
        {
            _announced.TryRemove(id, out _);
        }
    }

    /// <summary>Announces the person again on their next request: after their erasure, that request is a new person's first.</summary>
    public void Forget(Guid personId) => _announced.TryRemove(personId, out _);

    protected override void NotSent(Exception exception, PersonSeen seen)
    {
        _announced.TryRemove(seen.PersonId, out _);
        LogNotAnnounced(exception, seen.PersonId);
    }

    [LoggerMessage(LogLevel.Warning, "Could not announce person {PersonId}; their next request tries again.")]
    private partial void LogNotAnnounced(Exception exception, Guid personId);
}

public static class PeopleSeenEndpoints
{
    /// <summary>Announces the caller of every endpoint of <paramref name="group"/> (see <see cref="PeopleSeen"/>).</summary>
    public static RouteGroupBuilder AnnouncingPeopleSeen(this RouteGroupBuilder group) =>
        group.AddEndpointFilter(async (context, next) =>
        {
            if (context.HttpContext.User.Identity?.IsAuthenticated == true)
            {
                context.HttpContext.RequestServices.GetRequiredService<PeopleSeen>().Saw(context.HttpContext.User);
            }

            return await next(context);
        });
}
