using KnowledgeHub.Messaging.Monitoring;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace KnowledgeHub.Messaging.Tests;

/// <summary>A process told to stop by the stuck-consumers watchdog ends even when stopping hangs (docs/adr/0085).</summary>
public sealed class StopDeadlineTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(35);

    private readonly FakeTimeProvider _time = new();
    private readonly ApplicationLifetime _lifetime = new(NullLogger<ApplicationLifetime>.Instance);
    private readonly List<int> _exits = [];

    [Fact]
    public void A_stop_that_outlasts_the_deadline_ends_the_process_with_the_code()
    {
        Arm();
        _lifetime.StopApplication();

        _time.Advance(Deadline - TimeSpan.FromSeconds(1));
        Assert.Empty(_exits);
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal([ProcessExitCodes.StartAgain], _exits);
    }

    [Fact]
    public void A_host_that_stops_in_time_ends_on_its_own()
    {
        Arm();
        _lifetime.StopApplication();

        _time.Advance(Deadline / 2);
        _lifetime.NotifyStopped();
        _time.Advance(Deadline * 2);

        Assert.Empty(_exits);
    }

    private void Arm() => new StopDeadline(_lifetime, _time, NullLogger.Instance, _exits.Add).Arm(Deadline, ProcessExitCodes.StartAgain);
}
