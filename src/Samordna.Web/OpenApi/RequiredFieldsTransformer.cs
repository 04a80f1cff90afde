using System.Reflection;
using FluentValidation;
using FluentValidation.Validators;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Samordna.Web.OpenApi;

/// <summary>
/// Which fields of a request are required, from the rule that requires them. Commands are records whose
/// parameters are nullable so that a missing field reaches the validator and is named in a 400; the
/// generator therefore calls every parameter required and nullable, which is true of neither. A field
/// with an unconditional NotNull/NotEmpty rule in the command's validator is required and never null;
/// every other field may be left out. Types without a validator keep what the generator says. Then, in
/// what a request may send (the schemas reachable from a request body), a required field is never null;
/// in a response a required nullable field is truthful (always present, may be null) and stays.
/// </summary>
public sealed class RequiredFieldsTransformer : IOpenApiSchemaTransformer, IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        var info = context.JsonTypeInfo;
        if (info.Kind != System.Text.Json.Serialization.Metadata.JsonTypeInfoKind.Object || schema.Properties is not { Count: > 0 } properties)
            return Task.CompletedTask;
        using var scope = context.ApplicationServices.CreateScope();
        if (scope.ServiceProvider.GetService(typeof(IValidator<>).MakeGenericType(info.Type)) is not IValidator validator)
            return Task.CompletedTask;

        var descriptor = validator.CreateDescriptor();
        var required = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var property in info.Properties)
        {
            if (!properties.TryGetValue(property.Name, out var propertySchema)) continue;
            var member = (property.AttributeProvider as MemberInfo)?.Name ?? property.Name;
            var mustBeGiven = descriptor.GetRulesForMember(member).SelectMany(rule => rule.Components)
                .Any(c => !c.HasCondition && !c.HasAsyncCondition && c.Validator is INotNullValidator or INotEmptyValidator);
            if (!mustBeGiven) continue;
            required.Add(property.Name);
        }
        schema.Required = required;
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        var components = document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>();
        var requests = new HashSet<string>();
        var pending = new Stack<IOpenApiSchema>(document.Paths.Values
            .SelectMany(p => p.Operations?.Values.AsEnumerable() ?? [])
            .SelectMany(o => o.RequestBody?.Content?.Values.AsEnumerable() ?? [])
            .Select(m => m.Schema).OfType<IOpenApiSchema>());
        while (pending.TryPop(out var schema))
        {
            if (schema is OpenApiSchemaReference { Reference.Id: { } id })
            {
                if (requests.Add(id) && components.TryGetValue(id, out var component)) pending.Push(component);
                continue;
            }
            foreach (var nested in (schema.Properties?.Values ?? []).Concat(schema.OneOf ?? []).Concat(schema.AnyOf ?? [])
                         .Concat(schema.AllOf ?? []).Append(schema.Items).Append(schema.AdditionalProperties).OfType<IOpenApiSchema>())
                pending.Push(nested);
        }
        foreach (var id in requests)
        {
            if (!components.TryGetValue(id, out var found) || found is not OpenApiSchema { Properties: { } properties, Required: { } required }) continue;
            foreach (var name in required.Where(properties.ContainsKey))
                properties[name] = WithoutNull(properties[name]);
        }
        return Task.CompletedTask;
    }

    /// <summary>The same schema without null: <c>oneOf: [null, $ref]</c> becomes the reference, <c>[string, null]</c> a string.</summary>
    private static IOpenApiSchema WithoutNull(IOpenApiSchema schema)
    {
        if (schema is OpenApiSchema { OneOf: { Count: 2 } oneOf } && oneOf.SingleOrDefault(s => s.Type == JsonSchemaType.Null) is { } nullSchema)
            return oneOf.Single(s => !ReferenceEquals(s, nullSchema));
        if (schema is OpenApiSchema { Type: { } type } inline && type.HasFlag(JsonSchemaType.Null) && type != JsonSchemaType.Null)
            inline.Type = type & ~JsonSchemaType.Null;
        return schema;
    }
}
