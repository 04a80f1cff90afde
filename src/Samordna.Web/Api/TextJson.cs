using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Samordna.Core;

namespace Samordna.Web.Api;

/// <summary>
/// Every text field of a JSON body, validated or not: no control characters but tab and line breaks. No
/// field of the API takes them, PostgreSQL cannot even hold a NUL, and a field no validator looks at (a
/// user name at sign-in) would otherwise carry one into a query. Checked once the object is read (records
/// are built through their constructors, so a property setter would not see every value) and refused as
/// that field's error (400). A type-info modifier, not a converter, so the OpenAPI schemas stay as they are.
/// </summary>
public static class TextJson
{
    public const string ControlCharacterMessage = "Text with control characters in";

    public static void RefuseControlCharacters(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object) return;
        var texts = info.Properties.Where(p => p.Get is not null &&
            (p.PropertyType == typeof(string) || p.PropertyType == typeof(Optional<string>))).ToList();
        if (texts.Count == 0) return;
        var previous = info.OnDeserialized;
        info.OnDeserialized = value =>
        {
            previous?.Invoke(value);
            foreach (var property in texts)
            {
                var text = property.Get!(value) switch
                {
                    string plain => plain,
                    Optional<string> optional => optional.IsSet ? optional.Value : null,
                    _ => null,
                };
                if (text is not null && text.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r')))
                    throw new JsonException($"{ControlCharacterMessage} '{property.Name}'");
            }
        };
    }
}
