using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Samordna.Web.OpenApi;

/// <summary>
/// A query or route value bound as a string and read as an enum by name (<see cref="Api.QueryValues"/>),
/// declared on the endpoint with <see cref="FixedValuesExtensions.WithValuesOf{T}"/> so that the document
/// lists its values instead of a bare string.
/// </summary>
public sealed record FixedValues(string Parameter, Type Enum);

public static class FixedValuesExtensions
{
    public static RouteHandlerBuilder WithValuesOf<T>(this RouteHandlerBuilder builder, string parameter) where T : struct, Enum =>
        builder.WithMetadata(new FixedValues(parameter, typeof(T)));
}

public sealed class FixedValuesTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        foreach (var values in context.Description.ActionDescriptor.EndpointMetadata.OfType<FixedValues>())
        {
            var parameter = operation.Parameters?.OfType<OpenApiParameter>().SingleOrDefault(p => p.Name == values.Parameter)
                ?? throw new InvalidOperationException($"{context.Description.RelativePath} has no parameter '{values.Parameter}'.");
            parameter.Schema = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Enum = Samordna.Web.Problems.EnumNames.Of(values.Enum).Select(n => (JsonNode)JsonValue.Create(n)!).ToList(),
            };
        }
        return Task.CompletedTask;
    }
}
