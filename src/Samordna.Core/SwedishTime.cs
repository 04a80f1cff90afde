namespace Samordna.Core;

/// <summary>
/// Legal days and "today" are Swedish calendar days, whatever the server's time zone. Everything that
/// asks what day it is goes through here with the injected <see cref="TimeProvider"/>.
/// </summary>
public static class SwedishTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    public static DateTimeOffset ToSwedish(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(ToSwedish(clock.GetUtcNow()).DateTime);
}
