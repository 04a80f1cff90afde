namespace Samordna.Core.Deadlines;

/// <summary>An allmän helgdag (public holiday) under lagen (1989:253) om allmänna helgdagar.</summary>
public enum PublicHolidayKind
{
    /// <summary>Nyårsdagen, 1 January.</summary>
    NewYearsDay,

    /// <summary>Trettondedag jul, 6 January.</summary>
    Epiphany,

    /// <summary>Långfredagen, the Friday before Easter.</summary>
    GoodFriday,

    /// <summary>Påskdagen.</summary>
    EasterSunday,

    /// <summary>Annandag påsk.</summary>
    EasterMonday,

    /// <summary>Första maj.</summary>
    MayDay,

    /// <summary>Kristi himmelsfärds dag, the sixth Thursday after Easter.</summary>
    AscensionDay,

    /// <summary>Pingstdagen, the seventh Sunday after Easter.</summary>
    Pentecost,

    /// <summary>Annandag pingst: a public holiday until 2004, replaced by <see cref="NationalDay"/> from 2005.</summary>
    WhitMonday,

    /// <summary>Sveriges nationaldag, 6 June, a public holiday from 2005.</summary>
    NationalDay,

    /// <summary>Midsommardagen, the Saturday from 20 to 26 June.</summary>
    MidsummerDay,

    /// <summary>Alla helgons dag, the Saturday from 31 October to 6 November.</summary>
    AllSaintsDay,

    /// <summary>Juldagen, 25 December.</summary>
    ChristmasDay,

    /// <summary>Annandag jul, 26 December.</summary>
    BoxingDay,
}

public readonly record struct PublicHoliday(DateOnly Date, PublicHolidayKind Kind)
{
    public string SwedishName => Kind switch
    {
        PublicHolidayKind.NewYearsDay => "Nyårsdagen",
        PublicHolidayKind.Epiphany => "Trettondedag jul",
        PublicHolidayKind.GoodFriday => "Långfredagen",
        PublicHolidayKind.EasterSunday => "Påskdagen",
        PublicHolidayKind.EasterMonday => "Annandag påsk",
        PublicHolidayKind.MayDay => "Första maj",
        PublicHolidayKind.AscensionDay => "Kristi himmelsfärds dag",
        PublicHolidayKind.Pentecost => "Pingstdagen",
        PublicHolidayKind.WhitMonday => "Annandag pingst",
        PublicHolidayKind.NationalDay => "Sveriges nationaldag",
        PublicHolidayKind.MidsummerDay => "Midsommardagen",
        PublicHolidayKind.AllSaintsDay => "Alla helgons dag",
        PublicHolidayKind.ChristmasDay => "Juldagen",
        PublicHolidayKind.BoxingDay => "Annandag jul",
        _ => throw new ArgumentOutOfRangeException(nameof(Kind), Kind, null),
    };
}

/// <summary>
/// The Swedish holiday calendar, computed rather than typed in, so it is right for any year a deadline
/// can fall in without anyone maintaining a table. Covers the calendar as it has stood since 1953, when
/// midsommardagen and alla helgons dag became movable Saturdays.
/// </summary>
public static class SwedishHolidays
{
    public const int FirstSupportedYear = 1953;

    /// <summary>From this year nationaldagen (6 June) is a public holiday and annandag pingst no longer is.</summary>
    private const int NationalDayFirstYear = 2005;

    /// <summary>Påskdagen by the Gregorian computus (the anonymous algorithm of Meeus, Jones and Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        EnsureSupported(year);
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = (19 * a + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + 2 * e + 2 * i - h - k) % 7;
        var m = (a + 11 * h + 22 * l) / 451;
        var month = (h + l - 7 * m + 114) / 31;
        var day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(year, month, day);
    }

    /// <summary>Every allmän helgdag of the year that is not merely a Sunday, in date order.</summary>
    public static IReadOnlyList<PublicHoliday> PublicHolidaysIn(int year)
    {
        var easter = EasterSunday(year);
        List<PublicHoliday> holidays =
        [
            new(new DateOnly(year, 1, 1), PublicHolidayKind.NewYearsDay),
            new(new DateOnly(year, 1, 6), PublicHolidayKind.Epiphany),
            new(easter.AddDays(-2), PublicHolidayKind.GoodFriday),
            new(easter, PublicHolidayKind.EasterSunday),
            new(easter.AddDays(1), PublicHolidayKind.EasterMonday),
            new(new DateOnly(year, 5, 1), PublicHolidayKind.MayDay),
            new(easter.AddDays(39), PublicHolidayKind.AscensionDay),
            new(easter.AddDays(49), PublicHolidayKind.Pentecost),
            year >= NationalDayFirstYear
                ? new(new DateOnly(year, 6, 6), PublicHolidayKind.NationalDay)
                : new(easter.AddDays(50), PublicHolidayKind.WhitMonday),
            new(MidsummerDay(year), PublicHolidayKind.MidsummerDay),
            new(SaturdayFrom(new DateOnly(year, 10, 31)), PublicHolidayKind.AllSaintsDay),
            new(new DateOnly(year, 12, 25), PublicHolidayKind.ChristmasDay),
            new(new DateOnly(year, 12, 26), PublicHolidayKind.BoxingDay),
        ];
        holidays.Sort((x, y) => x.Date.CompareTo(y.Date));
        return holidays;
    }

    /// <summary>An allmän helgdag: every Sunday and the named holidays of the year.</summary>
    public static bool IsPublicHoliday(DateOnly date) =>
        date.DayOfWeek == DayOfWeek.Sunday || PublicHolidaysIn(date.Year).Any(h => h.Date == date);

    /// <summary>
    /// A day on which a last day does not fall under 2 § lagen (1930:173) om beräkning av lagstadgad tid:
    /// "söndag, annan allmän helgdag, lördag, midsommarafton, julafton eller nyårsafton". The three eves
    /// are not public holidays, but the law treats them as such when it moves a last day to the next
    /// weekday (vardag).
    /// </summary>
    public static bool IsNonWorkingDay(DateOnly date) =>
        date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday
        || IsPublicHoliday(date)
        || date == MidsummerDay(date.Year).AddDays(-1)
        || date is { Month: 12, Day: 24 or 31 };

    /// <summary>The first working day after <paramref name="date"/> (never the date itself).</summary>
    public static DateOnly NextWorkingDay(DateOnly date)
    {
        var next = date.AddDays(1);
        while (IsNonWorkingDay(next))
            next = next.AddDays(1);
        return next;
    }

    private static DateOnly MidsummerDay(int year) => SaturdayFrom(new DateOnly(year, 6, 20));

    /// <summary>The Saturday in the seven days starting with <paramref name="first"/>.</summary>
    private static DateOnly SaturdayFrom(DateOnly first) =>
        first.AddDays(((int)DayOfWeek.Saturday - (int)first.DayOfWeek + 7) % 7);

    private static void EnsureSupported(int year)
    {
        if (year < FirstSupportedYear || year > DateOnly.MaxValue.Year)
            throw new ArgumentOutOfRangeException(nameof(year), year,
                $"Helgdagskalendern räknar år {FirstSupportedYear}–{DateOnly.MaxValue.Year}.");
    }
}
