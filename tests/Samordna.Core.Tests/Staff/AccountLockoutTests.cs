using Samordna.Core.Staff;

namespace Samordna.Core.Tests.Staff;

public sealed class AccountLockoutTests
{
    [Fact]
    public void Four_wrong_passwords_lock_nothing_and_the_fifth_locks_for_a_minute()
    {
        for (var failure = 1; failure < AccountLockout.FailuresPerLockout; failure++) AccountLockout.After(failure).ShouldBeNull();
        AccountLockout.After(5).ShouldBe(TimeSpan.FromMinutes(1));
        AccountLockout.After(6).ShouldBeNull();
    }

    [Fact]
    public void Each_lockout_in_a_row_lasts_twice_as_long_as_the_one_before() =>
        new[] { 5, 10, 15, 20 }.Select(failures => AccountLockout.After(failures)!.Value.TotalMinutes).ShouldBe([1, 2, 4, 8]);

    [Fact]
    public void A_lockout_never_lasts_longer_than_fifteen_minutes_however_long_the_guessing_goes_on()
    {
        AccountLockout.After(25).ShouldBe(TimeSpan.FromMinutes(15));
        AccountLockout.After(5 * 1000).ShouldBe(AccountLockout.Longest);
        AccountLockout.After(int.MaxValue - int.MaxValue % 5).ShouldBe(AccountLockout.Longest);
    }
}
