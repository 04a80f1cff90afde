namespace Samordna.Core.Staff;

/// <summary>
/// Kontospärr: how long a sign-in account is locked after wrong passwords. Every
/// <see cref="FailuresPerLockout"/> consecutive failures lock it, the first time for <see cref="First"/>, and
/// each further lockout in a row twice as long, up to <see cref="Longest"/>; a correct password or a
/// systemförvaltare's unlock starts the count again. A lockout always runs out, so someone guessing at
/// another person's account can delay them but never shut them out for good, and every lockout is logged
/// for the systemförvaltare, who can lift it at once.
/// </summary>
public static class AccountLockout
{
    public const int FailuresPerLockout = 5;
    public static readonly TimeSpan First = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan Longest = TimeSpan.FromMinutes(15);

    /// <summary>The lockout the failure numbered <paramref name="consecutiveFailures"/> (from 1) starts, or null when it starts none.</summary>
    public static TimeSpan? After(int consecutiveFailures)
    {
        if (consecutiveFailures <= 0 || consecutiveFailures % FailuresPerLockout != 0) return null;
        var lockoutsInARow = consecutiveFailures / FailuresPerLockout;
        // 1, 2, 4, 8 … minutes: the shift is bounded before it can overflow.
        var minutes = First.TotalMinutes * Math.Pow(2, Math.Min(lockoutsInARow - 1, 20));
        return TimeSpan.FromMinutes(Math.Min(minutes, Longest.TotalMinutes));
    }
}
