using FluentValidation;
using FluentValidation.Results;
using Samordna.Web.Problems;

namespace Samordna.Web.Api;

/// <summary>
/// Reads enum values from a route or query string the way the JSON has them (camelCase), any casing,
/// by name only: "1" or "12345" is no value of any enum here, as in the JSON body.
/// </summary>
internal static class QueryValues
{
    public static T? Enum<T>(string? value, string field) where T : struct, System.Enum
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (EnumNames.TryRead(typeof(T), value, out var parsed)) return (T)parsed!;
        throw new ValidationException([new ValidationFailure(field,
            $"Okänt värde. Tillåtna: {string.Join(", ", EnumNames.Of(typeof(T)))}.")]);
    }
}
