using KnowledgeHub.Data;
using KnowledgeHub.Testing;

namespace KnowledgeHub.Notifications.Tests;

/// <summary>The service with e-mail on, sending to a real SMTP server (smtp4dev) the fixture starts; skips when there is none.</summary>
public abstract class EmailFixture(DatabaseProvider provider) : NotificationsFixture(provider)
{
    private SmtpTestServer? _smtp;

    public SmtpTestServer Smtp => _smtp!;

    protected override IReadOnlyDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Notifications:PublicUrl"] = "http://hub.example.test",
        ["Notifications:Smtp:Host"] = _smtp!.Host,
        ["Notifications:Smtp:Port"] = _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Notifications:Smtp:From"] = "KnowledgeHub <hub@example.test>",
        ["Notifications:Smtp:UseTls"] = "false",
    };

    protected override async ValueTask<string?> PrepareAsync()
    {
        if (await SmtpTestServer.UnavailableReasonAsync() is { } reason)
        {
            return reason;
        }

        _smtp = await SmtpTestServer.StartAsync();
        return null;
    }

    protected override async ValueTask CleanUpAsync()
    {
        if (_smtp is not null)
        {
            await _smtp.DisposeAsync();
        }
    }
}

public sealed class SqliteEmail() : EmailFixture(DatabaseProvider.Sqlite);

public sealed class PostgresEmail() : EmailFixture(DatabaseProvider.Postgres);

/// <summary>
/// The service with e-mail on and its SMTP server away: nothing listens on the port until a test
/// starts smtp4dev there. Waits between attempts stay short (at most 2 s).
/// </summary>
public abstract class SmtpOutageFixture(DatabaseProvider provider) : NotificationsFixture(provider)
{
    public int SmtpPort { get; } = LoopbackPorts.Unused();

    protected override IReadOnlyDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Notifications:Smtp:Host"] = "127.0.0.1",
        ["Notifications:Smtp:Port"] = SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Notifications:Smtp:UseTls"] = "false",
        ["Notifications:Smtp:MaxRetryDelay"] = "00:00:02",
    };

    protected override ValueTask<string?> PrepareAsync() => ValueTask.FromResult(SmtpTestServer.ToolUnavailableReason());
}

public sealed class SqliteSmtpOutage() : SmtpOutageFixture(DatabaseProvider.Sqlite);

public sealed class PostgresSmtpOutage() : SmtpOutageFixture(DatabaseProvider.Postgres);
