using FluentValidation;
using FluentValidation.Results;

namespace Samordna.Web.Api;

/// <summary>Reads enum values from a route or query string the way the JSON has them (camelCase), any casing.</summary>
internal static class QueryValues
{
    public static T? Enum<T>(string? value, string field) where T : struct, System.Enum
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (System.Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed)) return parsed;
        throw new ValidationException([new ValidationFailure(field,
            $"Okänt värde '{value}'. Tillåtna: {string.Join(", ", System.Enum.GetNames<T>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]))}.")]);
    }
}
