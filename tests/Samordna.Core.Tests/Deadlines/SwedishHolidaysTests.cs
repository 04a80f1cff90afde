using System.Globalization;
using Samordna.Core.Deadlines;

namespace Samordna.Core.Tests.Deadlines;

public class SwedishHolidaysTests
{
    [Theory]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2008, 3, 23)]
    [InlineData(2038, 4, 25)]
    [InlineData(2285, 3, 22)]
    public void Easter_follows_the_Gregorian_computus(int year, int month, int day) =>
        SwedishHolidays.EasterSunday(year).ShouldBe(new DateOnly(year, month, day));

    [Fact]
    public void The_public_holidays_of_2026_are_the_thirteen_of_the_holiday_law()
    {
        SwedishHolidays.PublicHolidaysIn(2026).ShouldBe(
        [
            new(new DateOnly(2026, 1, 1), PublicHolidayKind.NewYearsDay),
            new(new DateOnly(2026, 1, 6), PublicHolidayKind.Epiphany),
            new(new DateOnly(2026, 4, 3), PublicHolidayKind.GoodFriday),
            new(new DateOnly(2026, 4, 5), PublicHolidayKind.EasterSunday),
            new(new DateOnly(2026, 4, 6), PublicHolidayKind.EasterMonday),
            new(new DateOnly(2026, 5, 1), PublicHolidayKind.MayDay),
            new(new DateOnly(2026, 5, 14), PublicHolidayKind.AscensionDay),
            new(new DateOnly(2026, 5, 24), PublicHolidayKind.Pentecost),
            new(new DateOnly(2026, 6, 6), PublicHolidayKind.NationalDay),
            new(new DateOnly(2026, 6, 20), PublicHolidayKind.MidsummerDay),
            new(new DateOnly(2026, 10, 31), PublicHolidayKind.AllSaintsDay),
            new(new DateOnly(2026, 12, 25), PublicHolidayKind.ChristmasDay),
            new(new DateOnly(2026, 12, 26), PublicHolidayKind.BoxingDay),
        ]);
    }

    [Theory]
    [InlineData(2025, 6, 21, 11, 1)]
    [InlineData(2026, 6, 20, 10, 31)]
    [InlineData(2027, 6, 26, 11, 6)]
    public void Midsummer_day_and_all_saints_day_are_the_saturdays_in_their_weeks(int year, int midsummerMonth,
        int midsummerDay, int allSaintsMonth, int allSaintsDay)
    {
        var holidays = SwedishHolidays.PublicHolidaysIn(year);
        holidays.Single(h => h.Kind == PublicHolidayKind.MidsummerDay).Date.ShouldBe(new DateOnly(year, midsummerMonth, midsummerDay));
        holidays.Single(h => h.Kind == PublicHolidayKind.AllSaintsDay).Date.ShouldBe(new DateOnly(year, allSaintsMonth, allSaintsDay));
    }

    [Fact]
    public void Whit_monday_was_a_holiday_until_national_day_replaced_it_in_2005()
    {
        SwedishHolidays.IsPublicHoliday(new DateOnly(2003, 6, 9)).ShouldBeTrue();   // annandag pingst, Monday
        SwedishHolidays.IsPublicHoliday(new DateOnly(2003, 6, 6)).ShouldBeFalse();  // a Friday, not yet nationaldag
        SwedishHolidays.IsPublicHoliday(new DateOnly(2026, 5, 25)).ShouldBeFalse(); // annandag pingst 2026, a Monday
        SwedishHolidays.IsPublicHoliday(new DateOnly(2026, 6, 6)).ShouldBeTrue();
    }

    [Fact]
    public void Every_sunday_is_a_public_holiday() =>
        SwedishHolidays.IsPublicHoliday(new DateOnly(2026, 1, 18)).ShouldBeTrue();

    [Theory]
    [InlineData(2026, 6, 19)]   // midsommarafton, Friday
    [InlineData(2025, 12, 24)]  // julafton, Wednesday
    [InlineData(2025, 12, 31)]  // nyårsafton, Wednesday
    [InlineData(2026, 1, 6)]    // trettondedag jul, Tuesday
    [InlineData(2026, 5, 14)]   // Kristi himmelsfärds dag, Thursday
    [InlineData(2026, 1, 17)]   // Saturday
    [InlineData(2026, 1, 18)]   // Sunday
    public void Weekends_holidays_and_the_three_eves_are_not_working_days(int year, int month, int day) =>
        SwedishHolidays.IsNonWorkingDay(new DateOnly(year, month, day)).ShouldBeTrue();

    [Theory]
    [InlineData(2026, 6, 18)]   // Thursday before midsommarafton
    [InlineData(2026, 4, 2)]    // skärtorsdagen: not a holiday
    [InlineData(2026, 1, 13)]   // an ordinary Tuesday
    [InlineData(2025, 12, 23)]  // the day before julafton
    public void Ordinary_weekdays_are_working_days(int year, int month, int day) =>
        SwedishHolidays.IsNonWorkingDay(new DateOnly(year, month, day)).ShouldBeFalse();

    [Theory]
    [InlineData("2026-06-19", "2026-06-22")] // midsommarafton → over midsommardagen and Sunday
    [InlineData("2025-12-24", "2025-12-29")] // julafton → over juldagen, annandag jul and the weekend
    [InlineData("2026-04-02", "2026-04-07")] // skärtorsdagen → over the whole Easter weekend
    [InlineData("2026-01-12", "2026-01-13")] // an ordinary Monday → Tuesday
    [InlineData("2025-12-31", "2026-01-02")] // nyårsafton → over nyårsdagen
    public void The_next_working_day_skips_every_non_working_day(string from, string expected) =>
        SwedishHolidays.NextWorkingDay(DateOnly.Parse(from, CultureInfo.InvariantCulture)).ShouldBe(DateOnly.Parse(expected, CultureInfo.InvariantCulture));

    [Fact]
    public void Years_before_the_present_holiday_calendar_are_refused() =>
        Should.Throw<ArgumentOutOfRangeException>(() => SwedishHolidays.PublicHolidaysIn(1952));
}
