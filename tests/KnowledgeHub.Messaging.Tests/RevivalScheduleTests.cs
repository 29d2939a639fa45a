using KnowledgeHub.Messaging.Monitoring;
using Xunit;

namespace KnowledgeHub.Messaging.Tests;

/// <summary>Which faulted receive endpoints are started again once the broker answers (docs/adr/0102).</summary>
public sealed class RevivalScheduleTests
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);
    private static readonly DateTimeOffset Start = new(2026, 12, 6, 7, 0, 0, TimeSpan.Zero);
    private static readonly Uri Posts = new("rabbitmq://localhost/search-posts");
    private static readonly Uri Answers = new("rabbitmq://localhost/search-answers");

    [Fact]
    public void An_endpoint_faulted_for_the_grace_is_due_and_one_just_faulted_is_left_to_MassTransit()
    {
        var schedule = new RevivalSchedule(Grace, Interval);
        schedule.Faulted(Posts, Start);
        schedule.Faulted(Answers, Start + TimeSpan.FromSeconds(3));

        Assert.Empty(schedule.TakeDue(Start + Grace - TimeSpan.FromSeconds(1)));
        Assert.Equal([Posts], schedule.TakeDue(Start + Grace));
    }

    [Fact]
    public void Repeated_faults_of_failed_retries_count_from_the_first()
    {
        var schedule = new RevivalSchedule(Grace, Interval);
        schedule.Faulted(Posts, Start);
        schedule.Faulted(Posts, Start + TimeSpan.FromSeconds(3));

        Assert.Equal([Posts], schedule.TakeDue(Start + Grace));
    }

    [Fact]
    public void An_endpoint_started_again_is_not_due_again_before_MassTransits_longest_retry_delay()
    {
        var schedule = new RevivalSchedule(Grace, Interval);
        schedule.Faulted(Posts, Start);
        var revived = Start + TimeSpan.FromSeconds(10);
        Assert.Equal([Posts], schedule.TakeDue(revived));

        // Its new start failed too: it faults again, but stays with MassTransit until the interval is over.
        schedule.Faulted(Posts, revived + TimeSpan.FromSeconds(1));
        Assert.Empty(schedule.TakeDue(revived + TimeSpan.FromSeconds(5)));
        Assert.Empty(schedule.TakeDue(revived + Interval - TimeSpan.FromSeconds(1)));
        Assert.Equal([Posts], schedule.TakeDue(revived + Interval));
    }

    [Fact]
    public void An_endpoint_that_is_ready_again_is_never_due()
    {
        var schedule = new RevivalSchedule(Grace, Interval);
        schedule.Faulted(Posts, Start);
        schedule.Faulted(Answers, Start);
        schedule.Ready(Posts);

        Assert.Equal([Answers], schedule.TakeDue(Start + Grace));
    }

    [Fact]
    public void A_fault_after_being_ready_starts_a_new_grace()
    {
        var schedule = new RevivalSchedule(Grace, Interval);
        schedule.Faulted(Posts, Start);
        Assert.Equal([Posts], schedule.TakeDue(Start + Grace));
        schedule.Ready(Posts);

        var again = Start + TimeSpan.FromSeconds(12);
        schedule.Faulted(Posts, again);
        Assert.Empty(schedule.TakeDue(again + TimeSpan.FromSeconds(1)));
        Assert.Equal([Posts], schedule.TakeDue(again + Grace));
    }
}
