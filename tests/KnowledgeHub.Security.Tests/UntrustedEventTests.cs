using System.Collections.Concurrent;
using KnowledgeHub.Contracts.Communities;
using KnowledgeHub.Messaging;
using KnowledgeHub.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace KnowledgeHub.Security.Tests;

/// <summary>
/// Events are untrusted input too: nonsense that would open a closed community's content is
/// refused by the consumer (it faults with <see cref="InvalidEventException"/>) and changes nothing a user sees.
/// </summary>
[Collection(SecuredHub.Collection)]
public sealed class UntrustedEventTests(SecuredHub hub)
{
    private HubWorld World => hub.World;

    [Fact]
    public async Task A_post_event_with_a_visibility_search_does_not_know_is_refused_and_never_found()
    {
        var marker = "zqevent" + Guid.NewGuid().ToString("N")[..8];
        var now = DateTimeOffset.UtcNow;
        var forged = new PostPublished(
            Guid.CreateVersion7(), Guid.Parse(World["closed"]), "Closed", "article", $"Leaked {marker}", "Secret.", ["security"],
            hub.Person(Role.Author).Id, "HR", 1, now, now);

        await PublishAndAwaitRefusalAsync(forged);

        foreach (var role in new[] { Role.Employee, Role.Member })
        {
            using var client = hub.Client(role);
            Assert.Equal(0, (await client.GetJsonAsync($"/api/search?q={marker}"))["total"]!.GetValue<int>());
        }
    }

    [Fact]
    public async Task A_membership_event_with_an_unknown_status_grants_nothing()
    {
        var (post, marker) = await World.NewClosedPostFoundByMembersAsync();
        var forged = new CommunityMembershipChanged(Guid.Parse(World["closed"]), hub.Person(Role.Employee).Id, "lead", "approved", 1_000, DateTimeOffset.UtcNow);

        await PublishAndAwaitRefusalAsync(forged);

        using var employee = hub.Client(Role.Employee);
        using var read = await employee.GetAsync($"/api/posts/{post}", TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(0, (await employee.GetJsonAsync($"/api/search?q={marker}"))["total"]!.GetValue<int>());
    }

    private async Task PublishAndAwaitRefusalAsync<T>(T message)
        where T : class
    {
        var bus = hub.Services.GetRequiredService<IBus>();
        var refusals = new Refusals();
        var messageId = Guid.NewGuid();
        var handle = bus.ConnectConsumeObserver(refusals);
        try
        {
            await bus.Publish(message, context => context.MessageId = messageId, TestContext.Current.CancellationToken);
            await Eventually.AssertAsync(
                () => Task.FromResult(refusals.Contains(messageId)),
                TimeSpan.FromSeconds(10),
                $"a consumer to refuse the forged {typeof(T).Name}");
        }
        finally
        {
            handle.Disconnect();
        }
    }

    /// <summary>The ids of messages a consumer refused as invalid.</summary>
    private sealed class Refusals : IConsumeObserver
    {
        private readonly ConcurrentDictionary<Guid, bool> _ids = new();

        public bool Contains(Guid messageId) => _ids.ContainsKey(messageId);

        public Task PreConsume<T>(ConsumeContext<T> context)
            where T : class => Task.CompletedTask;

        public Task PostConsume<T>(ConsumeContext<T> context)
            where T : class => Task.CompletedTask;

        public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception)
            where T : class
        {
            if (exception is InvalidEventException && context.MessageId is { } id)
            {
                _ids[id] = true;
            }

            return Task.CompletedTask;
        }
    }
}
