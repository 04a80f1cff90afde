using System.Globalization;
using System.Text;
using FluentValidation;
using FluentValidation.Results;

namespace Samordna.Core;

/// <summary>What a text field holds: a name or label (one line), or free text (notes, reasons, descriptions; several lines).</summary>
public enum TextKind { Name, FreeText }

/// <summary>
/// The one rule for text people type into Samordna, names and free text alike: stored NFC-normalised
/// and trimmed (the data layer does that on every write, see <see cref="Normalize"/>), without control
/// characters (free text may have line breaks and tabs), and never only invisible characters — a name
/// of zero-width spaces or bidi controls looks empty on every screen yet is not, and would be a person
/// or a reason nobody can read. Validators use <see cref="Text{T}"/>; code without a validator <see cref="Require"/>.
/// </summary>
public static class TextRule
{
    /// <summary>NFC and trimmed; text that cannot be normalised (a lone surrogate) is left as it is and refused by <see cref="ProblemOf"/>.</summary>
    public static string? Normalize(string? text)
    {
        if (text is null) return null;
        if (HasLoneSurrogate(text)) return text;
        var normalized = text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        return normalized.Trim();
    }

    /// <summary>Why the text is refused, in words for the user; null when it may be stored. Null and empty are for the field's own rules (required or not).</summary>
    public static string? ProblemOf(string? text, TextKind kind)
    {
        if (string.IsNullOrEmpty(text)) return null;
        if (HasLoneSurrogate(text)) return "Texten innehåller ogiltiga tecken.";
        foreach (var c in text)
        {
            if (!char.IsControl(c)) continue;
            if (kind == TextKind.FreeText && c is '\n' or '\r' or '\t') continue;
            return kind == TextKind.Name
                ? "Namnet får inte innehålla styrtecken eller radbrytningar."
                : "Texten får inte innehålla styrtecken.";
        }
        if (text.All(Invisible))
            return "Texten består bara av osynliga tecken eller blanksteg.";
        return null;
    }

    /// <summary>Refuses text that breaks the rule, naming the field (for code paths without a validator).</summary>
    public static void Require(string? text, string field, TextKind kind)
    {
        if (ProblemOf(text, kind) is { } problem)
            throw new ValidationException([new ValidationFailure(field, problem)]);
    }

    /// <summary>The rule as a FluentValidation rule: <c>RuleFor(c => c.FirstName).Text(TextKind.Name)</c>.</summary>
    public static IRuleBuilderOptions<T, string?> Text<T>(this IRuleBuilder<T, string?> rule, TextKind kind) =>
        rule.Must(text => ProblemOf(text, kind) is null).WithMessage((_, text) => ProblemOf(text, kind) ?? "");

    // Whitespace, format characters (zero-width space and joiners, word joiner, BOM, bidi controls, soft
    // hyphen), and the few blank letters that render as nothing (Hangul fillers, braille blank).
    private static bool Invisible(char c) =>
        char.IsWhiteSpace(c) || char.IsControl(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format ||
        c is '\u115F' or '\u1160' or '\u3164' or '\uFFA0' or '\u2800' or '\u180E' or '\u034F';

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1])) return true;
                i++;
            }
            else if (char.IsLowSurrogate(text[i])) return true;
        }
        return false;
    }
}
