using Samordna.Core.People;

namespace Samordna.Core.Tests.People;

public class PersonalIdentityNumberTests
{
    private static readonly DateOnly Today = new(2026, 11, 30);

    private static PersonalIdentityNumber Valid(string input) => Valid(input, Today);

    private static PersonalIdentityNumber Valid(string input, DateOnly today)
    {
        PersonalIdentityNumber.TryParse(input, today, out var number, out var error).ShouldBeTrue(error);
        return number!;
    }

    private static string Refused(string? input) => Refused(input, Today);

    private static string Refused(string? input, DateOnly today)
    {
        PersonalIdentityNumber.TryParse(input, today, out var number, out var error).ShouldBeFalse();
        number.ShouldBeNull();
        return error!;
    }

    // Check digits worked out by hand: 121212-121 → 2; 811218-987 → 6; 701063-239 → 1.
    [Theory]
    [InlineData("19121212-1212", "191212121212")]
    [InlineData("191212121212", "191212121212")]
    [InlineData("811218-9876", "198112189876")]
    [InlineData("8112189876", "198112189876")]
    [InlineData("19811218 9876", "198112189876")]
    public void Accepts_personnummer_in_every_common_form_and_keeps_twelve_digits(string input, string canonical)
    {
        var number = Valid(input);
        number.Value.ShouldBe(canonical);
        number.Kind.ShouldBe(IdentityKind.Personnummer);
    }

    [Fact]
    public void Ten_digits_with_minus_means_under_a_hundred_years()
    {
        Valid("121212-1212").BirthDate.ShouldBe(new DateOnly(2012, 12, 12));
    }

    [Fact]
    public void Ten_digits_with_plus_means_a_hundred_years_or_older()
    {
        Valid("121212+1212").BirthDate.ShouldBe(new DateOnly(1912, 12, 12));
    }

    // The century rule of a 10-digit number: the separator tells how old the person turns this year.
    // Check digits computed with WithCheckDigit below: 261231-123 → 9; 260101-123 → 8; 261204-123 → 2;
    // 270101-123 → 7; 251231-123 → 0.

    [Fact]
    public void Ten_digits_with_minus_dated_later_this_year_is_refused_not_taken_as_a_century_ago()
    {
        // On 2026-12-04 a '-' number dated 26-12-31 is someone born this year, which has not happened yet;
        // born 1926 they would turn 100 this year and carry '+'.
        Refused("261231-1239", new DateOnly(2026, 12, 4)).ShouldBe("Födelsedatumet ligger i framtiden.");
        Refused("2612311239", new DateOnly(2026, 12, 4)).ShouldBe("Födelsedatumet ligger i framtiden.");
    }

    [Fact]
    public void Ten_digits_with_minus_dated_earlier_this_year_or_today_is_born_this_year()
    {
        Valid("260101-1238", new DateOnly(2026, 12, 4)).BirthDate.ShouldBe(new DateOnly(2026, 1, 1));
        Valid("261204-1232", new DateOnly(2026, 12, 4)).BirthDate.ShouldBe(new DateOnly(2026, 12, 4));
    }

    [Fact]
    public void Ten_digits_with_minus_for_a_year_ending_after_this_one_is_someone_turning_99_or_less()
    {
        // 27 cannot be 2027 in 2026, so it is 1927: that person turns 99 this year and still has '-'.
        Valid("270101-1237", new DateOnly(2026, 12, 4)).BirthDate.ShouldBe(new DateOnly(1927, 1, 1));
    }

    [Fact]
    public void Plus_is_used_from_the_first_of_january_of_the_year_one_turns_100()
    {
        // Born 1926-12-31: '+' from 2026-01-01, though the 100th birthday is at the end of the year.
        Valid("261231+1239", new DateOnly(2026, 1, 1)).BirthDate.ShouldBe(new DateOnly(1926, 12, 31));
        // The day before, in 2025, they turned 99 that year and were written with '-'.
        Valid("261231-1239", new DateOnly(2025, 12, 31)).BirthDate.ShouldBe(new DateOnly(1926, 12, 31));
    }

    [Fact]
    public void The_same_digits_are_a_newborn_with_minus_and_a_centenarian_with_plus()
    {
        var today = new DateOnly(2025, 12, 31);
        Valid("251231-1230", today).BirthDate.ShouldBe(new DateOnly(2025, 12, 31));
        Valid("251231+1230", today).BirthDate.ShouldBe(new DateOnly(1925, 12, 31));
    }

    [Fact]
    public void Plus_for_a_year_ending_after_a_century_ago_is_two_centuries_back()
    {
        // In 2026 '+' means born 1926 or earlier, so 27 is 1827, never 1927 (who turns 99 and has '-').
        Valid("270101+1237", new DateOnly(2026, 12, 4)).BirthDate.ShouldBe(new DateOnly(1827, 1, 1));
    }

    [Fact]
    public void Samordningsnummer_has_sixty_added_to_the_day()
    {
        var number = Valid("701063-2391");
        number.Kind.ShouldBe(IdentityKind.Samordningsnummer);
        number.BirthDate.ShouldBe(new DateOnly(1970, 10, 3));
        number.Value.ShouldBe("197010632391");
    }

    [Theory]
    [InlineData("19121212-1213")]
    [InlineData("811218-9875")]
    [InlineData("701063-2392")]
    public void A_wrong_check_digit_is_refused(string input) =>
        Refused(input).ShouldBe("Kontrollsiffran stämmer inte.");

    [Theory]
    [InlineData("19900230")] // 30 February
    [InlineData("19901301")] // month 13
    [InlineData("19900431")] // 31 April
    [InlineData("19900100")] // day 0
    [InlineData("19000229")] // 1900 was not a leap year
    public void An_impossible_date_is_refused_even_with_a_matching_check_digit(string date) =>
        Refused(date + WithCheckDigit(date[2..] + "123")[6..]).ShouldBe("Datumdelen är inte ett giltigt datum.");

    [Fact]
    public void The_leap_day_of_2000_is_a_date()
    {
        Valid("20000229" + WithCheckDigit("000229123")[6..]).BirthDate.ShouldBe(new DateOnly(2000, 2, 29));
    }

    [Fact]
    public void A_leap_day_with_plus_falls_in_1900_which_had_none()
    {
        Refused(WithCheckDigit("000229123").Insert(6, "+")).ShouldBe("Datumdelen är inte ett giltigt datum.");
    }

    [Fact]
    public void A_birth_date_after_today_is_refused()
    {
        Refused("20261201" + WithCheckDigit("261201123")[6..]).ShouldBe("Födelsedatumet ligger i framtiden.");
    }

    [Fact]
    public void Plus_is_refused_with_a_twelve_digit_number()
    {
        Refused("19121212+1212").ShouldStartWith("Plustecken");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("19121212-12120")]
    [InlineData("1912121-21212")]
    [InlineData("abcdefgh-ijkl")]
    [InlineData("19121212/1212")]
    public void Anything_not_shaped_like_a_number_is_refused(string? input) =>
        Refused(input).ShouldStartWith("Ange personnummer");

    [Fact]
    public void Displays_with_century_and_a_dash()
    {
        Valid("8112189876").Display.ShouldBe("19811218-9876");
    }

    /// <summary>The test's own Luhn computation, independent of the code under test.</summary>
    private static string WithCheckDigit(string nineDigits)
    {
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            var d = (nineDigits[i] - '0') * (i % 2 == 0 ? 2 : 1);
            sum += d / 10 + d % 10;
        }
        return nineDigits + (10 - sum % 10) % 10;
    }

    // .NET's \d matches every Unicode decimal digit; these look like 19121212-1212 but are no identity number.
    [Theory]
    [InlineData("\uFF11\uFF19\uFF11\uFF12\uFF11\uFF12\uFF11\uFF12-\uFF11\uFF12\uFF11\uFF12")] // full-width
    [InlineData("\u0661\u0669\u0661\u0662\u0661\u0662\u0661\u0662-\u0661\u0662\u0661\u0662")] // Arabic-Indic
    [InlineData("1912121\u0662-1212")] // one Arabic-Indic digit among ASCII ones
    [InlineData("\u0967\u0968\u0967\u0968\u0967\u0968-\u0967\u0968\u0967\u0968")] // Devanagari, 10 digits
    public void Only_ascii_digits_make_an_identity_number(string input) =>
        Refused(input).ShouldContain("10 eller 12 siffror");
}
