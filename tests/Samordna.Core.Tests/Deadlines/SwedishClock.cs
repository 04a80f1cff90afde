namespace Samordna.Core.Tests.Deadlines;

/// <summary>Turns a Swedish wall-clock time into the UTC instant it was, through the Europe/Stockholm zone.</summary>
internal static class SwedishClock
{
    public static DateTimeOffset At(int year, int month, int day, int hour, int minute)
    {
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, SwedishTime.Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    public static DateTimeOffset Utc(int year, int month, int day, int hour, int minute, int second = 0) =>
        new(year, month, day, hour, minute, second, TimeSpan.Zero);
}
