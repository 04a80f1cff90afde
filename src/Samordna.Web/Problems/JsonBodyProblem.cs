using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;
using Samordna.Core;

namespace Samordna.Web.Problems;

/// <summary>
/// Turns a JSON body the binder could not read into one field error that fits the field: the allowed
/// names of the enum that failed, the shape of a date or an id, "unknown field" for a property the
/// request does not have. The field is found by walking System.Text.Json's path ("$.consent.method")
/// through the endpoint's request type with the API's own serializer options.
/// </summary>
internal static partial class JsonBodyProblem
{
    public static Problem For(HttpContext http, JsonException json)
    {
        var field = FieldOf(json.Path);
        var message = json.Message;
        if (json.InnerException?.GetType().Name == "JsonReaderException" || message.Contains("maximum configured depth", StringComparison.Ordinal))
            return Error(field, message.Contains("depth", StringComparison.Ordinal)
                ? "JSON-texten är för djupt nästlad."
                : "JSON-texten är felaktig: kontrollera citattecken, kommatecken och klamrar.");
        if (message.Contains("could not be mapped", StringComparison.Ordinal) && Quoted().Match(message) is { Success: true } unknown)
            return Error(field == "body" ? unknown.Groups[1].Value
                : field == unknown.Groups[1].Value || field.EndsWith("." + unknown.Groups[1].Value, StringComparison.Ordinal) ? field
                : $"{field}.{unknown.Groups[1].Value}",
                "Okänt fält: begäran har inget fält med det namnet (kontrollera stavningen).");
        if (message.StartsWith(Samordna.Web.Api.TextJson.ControlCharacterMessage, StringComparison.Ordinal) && Quoted().Match(message) is { Success: true } text)
            return Error(field == "body" ? text.Groups[1].Value : $"{field}.{text.Groups[1].Value}", "Texten får inte innehålla styrtecken.");
        if (message.StartsWith("Duplicate", StringComparison.OrdinalIgnoreCase))
            return Error(field, "Fältet finns flera gånger i begäran; ange det en gång.");

        var options = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        // The exception handler has cleared the endpoint by now; its feature keeps the one that failed.
        var endpoint = http.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>()?.Endpoint ?? http.GetEndpoint();
        var requestType = endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
        var type = requestType is null ? null : TypeAt(options, requestType, json.Path);
        return Error(field, type is null ? "Värdet kan inte läsas: kontrollera typ och stavning." : HintFor(type));
    }

    /// <summary>
    /// A route or query value the binder could not convert ("Failed to bind parameter \"int? limit\" from
    /// \"abc\"."): a field error on that parameter with the hint for its type, null for other failures.
    /// </summary>
    public static Problem? ForParameter(BadHttpRequestException bad)
    {
        if (bad.StatusCode != StatusCodes.Status400BadRequest || BindFailure().Match(bad.Message) is not { Success: true } failure) return null;
        // The type as ASP.NET Core writes it: "int?", "Nullable<int>", "Guid", "System.DateOnly" ...
        var type = failure.Groups["type"].Value;
        bool Is(params string[] names) => names.Any(n => System.Text.RegularExpressions.Regex.IsMatch(type, $@"\b{n}\b"));
        var hint = Is("int", "long", "short", "Int32", "Int64", "Int16") ? HintFor(typeof(long))
            : Is("Guid") ? HintFor(typeof(Guid))
            : Is("DateOnly") ? HintFor(typeof(DateOnly))
            : Is("DateTimeOffset", "DateTime") ? HintFor(typeof(DateTimeOffset))
            : Is("bool", "Boolean") ? HintFor(typeof(bool))
            : "Värdet kan inte läsas: kontrollera typ och stavning.";
        return Error(failure.Groups["name"].Value, hint);
    }

    private static Problem Error(string field, string message) => Problem.Validation(new() { [field] = [message] });

    // "$.gender" or "$.parties[0].role" → "gender", "parties[0].role": the field as the client sent it.
    private static string FieldOf(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.TrimStart('$', '.');

    /// <summary>The .NET type of the value at a JSON path, or null when the path leads nowhere known.</summary>
    internal static Type? TypeAt(JsonSerializerOptions options, Type root, string? path)
    {
        var type = root;
        foreach (Match step in Steps().Matches(path ?? ""))
        {
            type = Unwrap(type);
            var info = options.GetTypeInfo(type);
            if (step.Groups["index"].Success)
            {
                if (info.ElementType is not { } element) return null;
                type = element;
                continue;
            }
            var name = step.Groups["name"].Value;
            var property = info.Kind == JsonTypeInfoKind.Object
                ? info.Properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
                : null;
            if (property is null) return null;
            type = property.PropertyType;
        }
        return Unwrap(type);
    }

    private static Type Unwrap(Type type)
    {
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Optional<>)) type = type.GetGenericArguments()[0];
        return Nullable.GetUnderlyingType(type) ?? type;
    }

    private static string HintFor(Type type)
    {
        if (type.IsEnum) return $"Okänt värde. Tillåtna: {string.Join(", ", EnumNames.Of(type))}.";
        if (type == typeof(Guid)) return "Ange ett id (uuid), t.ex. \"0190f4c2-7a1e-7c3b-9d2e-5f6a7b8c9d0e\".";
        if (type == typeof(DateOnly)) return "Ange ett datum som \"ÅÅÅÅ-MM-DD\".";
        if (type == typeof(DateTimeOffset) || type == typeof(DateTime))
            return "Ange en tidpunkt enligt ISO 8601 med tidszon, t.ex. \"2026-03-01T14:30:00+01:00\".";
        if (type == typeof(bool)) return "Ange true eller false.";
        if (type == typeof(int) || type == typeof(long) || type == typeof(short))
            return "Ange ett heltal (utan citattecken).";
        if (type == typeof(decimal) || type == typeof(double)) return "Ange ett tal (utan citattecken).";
        if (type == typeof(string)) return "Ange en text.";
        if (type != typeof(string) && type.IsAssignableTo(typeof(System.Collections.IEnumerable))) return "Ange en lista.";
        return "Ange ett objekt med fälten som beskrivs i /openapi/v1.json.";
    }

    [GeneratedRegex(@"\.(?<name>[^.\[\]]+)|\['(?<name>[^']+)'\]|\[(?<index>[0-9]+)\]")]
    private static partial Regex Steps();

    [GeneratedRegex("^Failed to bind parameter \"(?<type>[^\"]+) (?<name>[A-Za-z0-9_]+)\" from")]
    private static partial Regex BindFailure();

    [GeneratedRegex("'([^']*)'")]
    private static partial Regex Quoted();
}
