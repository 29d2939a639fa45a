using Microsoft.Extensions.Configuration;

namespace KnowledgeHub.Messaging;

public enum MessageTransport
{
    /// <summary>MassTransit's in-process transport: the standalone default, not durable on its own.</summary>
    InMemory,

    /// <summary>RabbitMQ: the distributed topology.</summary>
    RabbitMq,
}

/// <summary>Bound from the <c>Messaging</c> section.</summary>
public sealed class MessagingSettings
{
    public const string SectionName = "Messaging";

    public MessageTransport Transport { get; set; } = MessageTransport.InMemory;

    /// <summary>For example <c>amqp://guest:guest@localhost:5672/</c>; the path names the virtual host.</summary>
    public string RabbitMqUrl { get; set; } = "amqp://guest:guest@localhost:5672/";

    /// <summary>How long published outbox rows are kept before they are deleted.</summary>
    public TimeSpan OutboxRetention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// For a transport that does not survive the process (in-memory): at start, rows published
    /// within this window before the last publish are published again, because what the
    /// transport held when the process died is gone. Inboxes and versions make the repeats harmless.
    /// </summary>
    public TimeSpan InMemoryReplayWindow { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// For the in-memory transport: the relays hold back while a consumer works on a message relayed
    /// longer ago than this, so what the process holds stays young enough for
    /// <see cref="InMemoryReplayWindow"/> to cover it (docs/adr/0109). At most half that window.
    /// </summary>
    public TimeSpan InMemoryBacklogAge { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// For the in-memory transport: the relays also hold back while more messages than this were
    /// relayed after the oldest one a consumer works on, which bounds the memory the queues take.
    /// </summary>
    public int InMemoryBacklogMessages { get; set; } = 5_000;

    /// <summary>How often the relay looks for rows when nothing woke it (rows of a crashed peer, say).</summary>
    public TimeSpan OutboxPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long the outbox relay waits for one publish (on RabbitMQ, for the broker's confirmation)
    /// before it gives up and publishes the row again; the inboxes drop the repeat.
    /// </summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>On RabbitMQ, how often the depths of the error and dead-letter queues are read for the metrics.</summary>
    public TimeSpan ErrorQueuePollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// On RabbitMQ, how long this process's consumers may stay disconnected while the broker answers
    /// before the process stops with exit code 75 to be started again (docs/adr/0085). Three times
    /// MassTransit's longest reconnect delay, so a reconnect under way is never cut short.
    /// </summary>
    public TimeSpan StuckConsumersRestartAfter { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>Reads and checks the section; a bad value stops the process with a message naming the setting.</summary>
    public static MessagingSettings From(IConfiguration configuration)
    {
        MessagingSettings settings;
        try
        {
            settings = configuration.GetSection(SectionName).Get<MessagingSettings>() ?? new MessagingSettings();
        }
        catch (InvalidOperationException exception)
        {
            throw new InvalidOperationException(
                $"The '{SectionName}' settings are invalid: {exception.Message} Transport is one of {string.Join(", ", Enum.GetNames<MessageTransport>())}; intervals are written like 00:00:01.",
                exception);
        }

        if (settings.Transport == MessageTransport.RabbitMq
            && (!Uri.TryCreate(settings.RabbitMqUrl, UriKind.Absolute, out var url) || url.Scheme is not ("amqp" or "amqps")))
        {
            throw new InvalidOperationException($"'{SectionName}:RabbitMqUrl' must be an amqp:// or amqps:// URL, not '{settings.RabbitMqUrl}'.");
        }

        foreach (var (name, value) in new[] { ("OutboxRetention", settings.OutboxRetention), ("OutboxPollInterval", settings.OutboxPollInterval), ("InMemoryReplayWindow", settings.InMemoryReplayWindow), ("InMemoryBacklogAge", settings.InMemoryBacklogAge), ("ErrorQueuePollInterval", settings.ErrorQueuePollInterval), ("PublishTimeout", settings.PublishTimeout), ("StuckConsumersRestartAfter", settings.StuckConsumersRestartAfter) })
        {
            if (value <= TimeSpan.Zero)
            {
                throw new InvalidOperationException($"'{SectionName}:{name}' must be a positive duration, not {value}.");
            }
        }

        if (settings.InMemoryBacklogAge > settings.InMemoryReplayWindow / 2)
        {
            throw new InvalidOperationException(
                $"'{SectionName}:InMemoryBacklogAge' ({settings.InMemoryBacklogAge}) must be at most half of '{SectionName}:InMemoryReplayWindow' ({settings.InMemoryReplayWindow}): the window must cover every message the process holds.");
        }

        if (settings.InMemoryBacklogMessages <= 0)
        {
            throw new InvalidOperationException($"'{SectionName}:InMemoryBacklogMessages' must be a positive number, not {settings.InMemoryBacklogMessages}.");
        }

        return settings;
    }
}
