using KnowledgeHub.Messaging.Monitoring;
using Xunit;

namespace KnowledgeHub.Messaging.Tests;

/// <summary>When a process whose consumers never reconnect asks to be started again (docs/adr/0085).</summary>
public sealed class StuckConsumersDetectorTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private static readonly DateTimeOffset Start = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Consumers_away_while_the_broker_answers_for_the_whole_patience_call_for_a_restart()
    {
        var detector = new StuckConsumersDetector(Patience);

        Assert.False(detector.Observe(busHealthy: false, brokerAnswers: true, Start));
        Assert.False(detector.Observe(busHealthy: false, brokerAnswers: true, Start + Patience - TimeSpan.FromSeconds(1)));
        Assert.True(detector.Observe(busHealthy: false, brokerAnswers: true, Start + Patience));
    }

    [Fact]
    public void A_healthy_check_in_between_starts_the_wait_over()
    {
        var detector = new StuckConsumersDetector(Patience);

        detector.Observe(busHealthy: false, brokerAnswers: true, Start);
        detector.Observe(busHealthy: true, brokerAnswers: true, Start + TimeSpan.FromSeconds(60));

        var awayAgain = Start + TimeSpan.FromSeconds(65);
        Assert.False(detector.Observe(busHealthy: false, brokerAnswers: true, awayAgain));
        Assert.False(detector.Observe(busHealthy: false, brokerAnswers: true, Start + Patience));
        Assert.True(detector.Observe(busHealthy: false, brokerAnswers: true, awayAgain + Patience));
    }

    [Fact]
    public void A_broker_outage_is_ridden_out_and_counted_only_from_when_the_broker_answers_again()
    {
        var detector = new StuckConsumersDetector(Patience);

        for (var second = 0; second <= 600; second += 5)
        {
            Assert.False(detector.Observe(busHealthy: false, brokerAnswers: false, Start + TimeSpan.FromSeconds(second)));
        }

        var back = Start + TimeSpan.FromSeconds(605);
        Assert.False(detector.Observe(busHealthy: false, brokerAnswers: true, back));
        Assert.False(detector.Observe(busHealthy: false, brokerAnswers: true, back + TimeSpan.FromSeconds(30)));
        Assert.True(detector.Observe(busHealthy: false, brokerAnswers: true, back + Patience));
    }
}
