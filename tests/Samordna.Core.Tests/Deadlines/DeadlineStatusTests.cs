using Samordna.Core.Deadlines;

namespace Samordna.Core.Tests.Deadlines;

/// <summary>The radar judges by today's Swedish calendar day, which turns at Swedish midnight.</summary>
public class DeadlineStatusTests
{
    // Förhandsbedömning of a report that arrived Monday 1 June 2026: due Monday 15 June.
    private static readonly Deadline SummerDeadline = DeadlineCalculator.Calculate(DefaultDeadlineRules.RuleSet,
        DeadlineKey.ChildPreliminaryAssessment, SwedishClock.At(2026, 6, 1, 10, 0));

    private static DeadlineStatus StatusAt(Deadline deadline, DateTimeOffset now, bool done = false) =>
        deadline.StatusNow(new FixedClock(now), done);

    [Fact]
    public void The_summer_deadline_is_due_on_15_June() => SummerDeadline.DueDate.ShouldBe(new DateOnly(2026, 6, 15));

    [Fact]
    public void A_deadline_is_due_today_until_Swedish_midnight_and_overdue_after_it()
    {
        StatusAt(SummerDeadline, SwedishClock.Utc(2026, 6, 15, 21, 59, 59)).ShouldBe(DeadlineStatus.DueToday); // 23:59:59 CEST
        StatusAt(SummerDeadline, SwedishClock.Utc(2026, 6, 15, 22, 0)).ShouldBe(DeadlineStatus.Overdue);       // 00:00 CEST on 16 June
    }

    [Fact]
    public void A_deadline_becomes_due_today_at_Swedish_midnight_not_UTC_midnight()
    {
        StatusAt(SummerDeadline, SwedishClock.Utc(2026, 6, 14, 21, 59, 59)).ShouldBe(DeadlineStatus.DueWithinWeek);
        StatusAt(SummerDeadline, SwedishClock.Utc(2026, 6, 14, 22, 0)).ShouldBe(DeadlineStatus.DueToday);
    }

    [Fact]
    public void Seven_days_left_is_within_the_week_and_eight_is_later()
    {
        StatusAt(SummerDeadline, SwedishClock.Utc(2026, 6, 7, 21, 59, 59)).ShouldBe(DeadlineStatus.Later);          // 7 June, 8 days left
        StatusAt(SummerDeadline, SwedishClock.Utc(2026, 6, 7, 22, 0)).ShouldBe(DeadlineStatus.DueWithinWeek);       // 8 June, 7 days left
    }

    [Fact]
    public void In_winter_the_Swedish_day_turns_an_hour_later_in_UTC()
    {
        var winter = DeadlineCalculator.Calculate(DefaultDeadlineRules.RuleSet, DeadlineKey.ChildPreliminaryAssessment,
            SwedishClock.At(2026, 1, 14, 10, 0));
        winter.DueDate.ShouldBe(new DateOnly(2026, 1, 28));
        StatusAt(winter, SwedishClock.Utc(2026, 1, 28, 22, 59, 59)).ShouldBe(DeadlineStatus.DueToday); // 23:59:59 CET
        StatusAt(winter, SwedishClock.Utc(2026, 1, 28, 23, 0)).ShouldBe(DeadlineStatus.Overdue);
    }

    [Fact]
    public void A_done_act_is_done_even_after_its_last_day() =>
        StatusAt(SummerDeadline, SwedishClock.Utc(2026, 7, 1, 10, 0), done: true).ShouldBe(DeadlineStatus.Done);

    [Fact]
    public void The_status_follows_a_moving_clock()
    {
        var clock = new FixedClock(SwedishClock.Utc(2026, 6, 15, 21, 0));
        SummerDeadline.StatusNow(clock, done: false).ShouldBe(DeadlineStatus.DueToday);
        clock.Now = clock.Now.AddHours(1);
        SummerDeadline.StatusNow(clock, done: false).ShouldBe(DeadlineStatus.Overdue);
    }
}
