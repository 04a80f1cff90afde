using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Samordna.Core;

namespace Samordna.Web.Api;

/// <summary>
/// Reads an <see cref="Optional{T}"/> field: a property missing from the JSON never reaches a converter,
/// so it keeps the default "left out"; a property present — null or a value — is set.
/// </summary>
public sealed class OptionalJsonConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(Optional<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(OptionalConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]), options)!;

    private sealed class OptionalConverter<T>(JsonSerializerOptions options) : JsonConverter<Optional<T>>
    {
        private static readonly bool Nullable = !typeof(T).IsValueType || System.Nullable.GetUnderlyingType(typeof(T)) is not null;
        private readonly JsonConverter<T> _value = (JsonConverter<T>)options.GetConverter(typeof(T));

        // An explicit null must reach Read, so that it is told apart from a missing property.
        public override bool HandleNull => true;

        // The value's own converter reads in place, so a malformed value is reported at the field's path.
        public override Optional<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null && Nullable ? new(default!) : new(_value.Read(ref reader, typeof(T), options)!);

        public override void Write(Utf8JsonWriter writer, Optional<T> value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value.Or(default!), options);
    }
}

/// <summary>
/// Describes an <see cref="Optional{T}"/> field in /openapi/v1.json as the plain value it carries (a
/// nullable id, a text) and not as required: clients send a value or null, or leave the field out, and
/// IsSet never travels. <see cref="Inline"/> keeps such fields out of the shared components, where
/// they would show up as "OptionalOfGuid".
/// </summary>
public sealed class OptionalSchemaTransformer : IOpenApiSchemaTransformer
{
    public static string? Inline(JsonTypeInfo type) =>
        IsOptional(type.Type) ? null : OpenApiOptions.CreateDefaultSchemaReferenceId(type);

    public async Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        var type = context.JsonTypeInfo.Type;
        if (IsOptional(type))
        {
            var valueType = type.GetGenericArguments()[0];
            var value = await context.GetOrCreateSchemaAsync(valueType, null, ct);
            schema.Type = value.Type;
            schema.Format = value.Format;
            schema.Pattern = value.Pattern;
            schema.MaxLength = value.MaxLength;
            schema.Enum = value.Enum;
            schema.Items = value.Items;
            schema.OneOf = value.OneOf;
            schema.Properties = value.Properties;
            schema.Required = value.Required;
            // Generic arguments carry no nullable annotation (Optional<string?> is Optional<string> at run
            // time), and null is exactly how a client clears a text; so a reference type is nullable here.
            if (!valueType.IsValueType && schema.Type is { } json) schema.Type = json | JsonSchemaType.Null;
            return;
        }

        if (context.JsonTypeInfo.Kind != JsonTypeInfoKind.Object || schema.Required is not { Count: > 0 } required) return;
        foreach (var property in context.JsonTypeInfo.Properties.Where(p => IsOptional(p.PropertyType)))
            required.Remove(property.Name);
    }

    private static bool IsOptional(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Optional<>);
}
