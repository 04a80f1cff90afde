using System.Globalization;
using System.Text.RegularExpressions;

namespace Samordna.Core.People;

/// <summary>
/// Personnummer or samordningsnummer (co-ordination number, day of birth + 60), held in the 12-digit
/// canonical form ÅÅÅÅMMDDNNNN. Parsing checks the format, that the date exists, that it is not in the
/// future, and the Luhn check digit. A 10-digit number gets its century from the separator: '-' (or
/// none) for someone who turns less than 100 this year, '+' for someone who turns 100 or more this year
/// (folkbokföringslagen: the separator becomes '+' on 1 January of the year one turns 100).
/// </summary>
public sealed partial record PersonalIdentityNumber
{
    private PersonalIdentityNumber(string value, IdentityKind kind, DateOnly birthDate)
    {
        Value = value;
        Kind = kind;
        BirthDate = birthDate;
    }

    /// <summary>Twelve digits, no separator.</summary>
    public string Value { get; }

    /// <summary><see cref="IdentityKind.Personnummer"/> or <see cref="IdentityKind.Samordningsnummer"/>.</summary>
    public IdentityKind Kind { get; }

    public DateOnly BirthDate { get; }

    /// <summary>ÅÅÅÅMMDD-NNNN, the way people read it.</summary>
    public string Display => $"{Value[..8]}-{Value[8..]}";

    public override string ToString() => Display;

    // [0-9], not \d: .NET's \d matches every Unicode decimal digit (full-width, Arabic-Indic ...), which
    // are no identity number and would break the arithmetic below.
    [GeneratedRegex(@"^(?<century>[0-9]{2})?(?<yy>[0-9]{2})(?<mm>[0-9]{2})(?<dd>[0-9]{2})(?<sep>[-+]?)(?<serial>[0-9]{3})(?<check>[0-9])$")]
    private static partial Regex Shape();

    /// <param name="input">What the user typed; spaces are ignored.</param>
    /// <param name="today">Swedish calendar date today, for the century of a 10-digit number and the future check.</param>
    /// <param name="error">Why the number was refused, in words for the user.</param>
    public static bool TryParse(string? input, DateOnly today, out PersonalIdentityNumber? number, out string? error)
    {
        number = null;
        var match = Shape().Match((input ?? "").Replace(" ", ""));
        if (!match.Success)
        {
            error = "Ange personnummer eller samordningsnummer med 10 eller 12 siffror, t.ex. ÅÅÅÅMMDD-NNNN.";
            return false;
        }

        var yy = Int(match, "yy");
        var month = Int(match, "mm");
        var dayInNumber = Int(match, "dd");
        var separator = match.Groups["sep"].Value;
        var kind = dayInNumber > 60 ? IdentityKind.Samordningsnummer : IdentityKind.Personnummer;
        var day = kind == IdentityKind.Samordningsnummer ? dayInNumber - 60 : dayInNumber;

        int year;
        if (match.Groups["century"].Success)
        {
            if (separator == "+")
            {
                error = "Plustecken används bara i 10-siffrig form (för den som fyllt 100 år).";
                return false;
            }
            year = Int(match, "century") * 100 + yy;
        }
        else
        {
            // The separator says how old the person turns this year, not whether the birthday has passed:
            // '-' is under 100 (born after today.Year - 100), '+' is 100 or more, from 1 January of that
            // year. So '-' with a date later this year is a date in the future, refused below; falling
            // back a century would turn a typing error into a 99-year-old.
            var latestYear = separator == "+" ? today.Year - 100 : today.Year;
            year = latestYear - ((latestYear - yy) % 100 + 100) % 100;
        }

        if (month is < 1 or > 12 || day < 1 || year < 1 || day > DateTime.DaysInMonth(year, month))
        {
            error = "Datumdelen är inte ett giltigt datum.";
            return false;
        }

        var birthDate = new DateOnly(year, month, day);
        if (birthDate > today)
        {
            error = "Födelsedatumet ligger i framtiden.";
            return false;
        }

        var tenDigits = $"{yy:00}{match.Groups["mm"].Value}{match.Groups["dd"].Value}{match.Groups["serial"].Value}{match.Groups["check"].Value}";
        if (!LuhnValid(tenDigits))
        {
            error = "Kontrollsiffran stämmer inte.";
            return false;
        }

        number = new PersonalIdentityNumber($"{year:0000}{tenDigits[2..]}", kind, birthDate);
        error = null;
        return true;
    }

    /// <summary>For values already validated and stored in canonical form.</summary>
    public static PersonalIdentityNumber FromCanonical(string twelveDigits) =>
        TryParse(twelveDigits, DateOnly.MaxValue, out var number, out var error)
            ? number!
            : throw new FormatException($"'{twelveDigits}' is not a canonical personal identity number: {error}");

    /// <summary>The check digit over ÅÅMMDDNNN: weights 2,1,2,1…, digit sums added, ten's complement.</summary>
    internal static bool LuhnValid(string tenDigits)
    {
        var sum = 0;
        for (var i = 0; i < 10; i++)
        {
            var product = (tenDigits[i] - '0') * (i % 2 == 0 ? 2 : 1);
            sum += product > 9 ? product - 9 : product;
        }
        return sum % 10 == 0;
    }

    private static int Int(Match match, string group) =>
        int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);
}
