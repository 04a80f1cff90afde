using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Samordna.Web.OpenApi;

/// <summary>
/// Enums as the JSON has them: strings (<c>type: string</c>), one schema per enum. The generator puts a
/// <c>null</c> into the shared enum schema when one property is nullable, and also wraps the nullable
/// property in <c>oneOf: [null, $ref]</c>: so a real null is fine but the component claims null for every
/// use. Nullability stays where it belongs, on the property. A [Flags] enum is sent comma-joined
/// ("emergencyAccess, protectedPerson"), so it is described as such a string, not as one of its names.
/// </summary>
public sealed class EnumSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (!type.IsEnum) return Task.CompletedTask;

        var names = Samordna.Web.Problems.EnumNames.Of(type).ToList();
        if (type.IsDefined(typeof(FlagsAttribute), false))
        {
            var single = $"(?:{string.Join("|", names)})";
            schema.Type = JsonSchemaType.String;
            schema.Enum = null;
            schema.Pattern = $"^{single}(?:, {single})*$";
            schema.Description = $"Flags, comma-joined with \", \" (e.g. \"{string.Join(", ", names.Skip(1).Take(2))}\"); " +
                                 $"\"{names[0]}\" when none is set. Values: {string.Join(", ", names)}.";
            return Task.CompletedTask;
        }
        schema.Type = JsonSchemaType.String;
        schema.Enum = names.Select(n => (JsonNode)JsonValue.Create(n)!).ToList();
        return Task.CompletedTask;
    }
}
