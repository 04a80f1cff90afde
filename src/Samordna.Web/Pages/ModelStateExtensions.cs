using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Samordna.Web.Pages;

/// <summary>
/// Puts the errors of a use case into <see cref="ModelStateDictionary"/> so a form shows each one next to
/// its field and keeps what the user typed. Every form on a page binds to its own property (the prefix,
/// e.g. "Input"); an error that belongs to the whole form is stored under the prefix itself.
/// </summary>
public static class ModelStateExtensions
{
    /// <summary>Each failure goes under the field it names: "lastName" in form "Input" becomes "Input.LastName".</summary>
    public static void AddValidationErrors(this ModelStateDictionary modelState, ValidationException exception, string prefix)
    {
        foreach (var failure in exception.Errors.DistinctBy(f => (f.PropertyName, f.ErrorMessage)))
            modelState.AddModelError(FieldKey(prefix, failure.PropertyName), failure.ErrorMessage);
    }

    /// <summary>An error about the whole form (a broken rule, a conflict), shown at the top of the form.</summary>
    public static void AddFormError(this ModelStateDictionary modelState, string prefix, string message) =>
        modelState.AddModelError(prefix, message);

    /// <summary>Whether any error belongs to the form with this prefix.</summary>
    public static bool HasErrors(this ModelStateDictionary modelState, string prefix) =>
        modelState.Any(e => e.Value is { Errors.Count: > 0 } && BelongsTo(e.Key, prefix));

    /// <summary>
    /// Model binding reports a value it cannot convert (text in a date or id field) in English; this
    /// says the same in Swedish. Call it first in a POST handler, before anything else adds errors.
    /// </summary>
    public static void UseSwedishBindingMessages(this ModelStateDictionary modelState)
    {
        foreach (var entry in modelState.Values.Where(e => e.Errors.Count > 0))
        {
            var attempted = entry.AttemptedValue;
            entry.Errors.Clear();
            entry.Errors.Add(string.IsNullOrWhiteSpace(attempted)
                ? "Värdet saknas."
                : $"Värdet ”{attempted}” kan inte tolkas. Kontrollera vad som står i fältet.");
        }
    }

    /// <summary>
    /// The errors of one form in reading order: the form's own messages first, then the fields in the
    /// order the form's input class declares them (which is the order the form shows them).
    /// </summary>
    public static IReadOnlyList<(string Key, string Message)> ErrorsOf(this ModelStateDictionary modelState, string prefix, Type? input)
    {
        var fields = input?.GetProperties()
            .OrderBy(p => p.MetadataToken).Select(p => $"{prefix}.{p.Name}").ToList() ?? [];
        return modelState
            .Where(e => e.Value is { Errors.Count: > 0 } && BelongsTo(e.Key, prefix))
            .OrderBy(e => e.Key == prefix ? -1 : fields.IndexOf(e.Key) is var i and >= 0 ? i : fields.Count)
            .SelectMany(e => e.Value!.Errors.Select(error => (e.Key, error.ErrorMessage)))
            .ToList();
    }

    public static bool BelongsTo(string key, string prefix) =>
        key == prefix || key.StartsWith(prefix + ".", StringComparison.Ordinal);

    // FluentValidation names a property as written in the command ("IdentityNumber") or as overridden
    // with WithName ("lastName"); a form field is the same name in PascalCase under the form's prefix.
    private static string FieldKey(string prefix, string? propertyName)
    {
        if (string.IsNullOrWhiteSpace(propertyName)) return prefix;
        var path = string.Join('.', propertyName.Split('.').Select(part =>
            part.Length == 0 ? part : char.ToUpperInvariant(part[0]) + part[1..]));
        return $"{prefix}.{path}";
    }
}

/// <summary>
/// The form whose errors the _ErrorSummary partial lists: its prefix, the class its fields bind to, and
/// the heading when the form does not save anything (a filter says so in other words).
/// </summary>
public sealed record FormErrors(string Prefix, Type? Input = null, string? Title = null);
