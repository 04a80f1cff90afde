using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Samordna.Web.OpenApi;

/// <summary>A 201 says where the new resource is (every <c>TypedResults.Created</c> here sets Location).</summary>
public sealed class LocationHeader : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        if (operation.Responses?.TryGetValue("201", out var created) != true || created is not OpenApiResponse response) return Task.CompletedTask;
        response.Headers ??= new Dictionary<string, IOpenApiHeader>();
        response.Headers["Location"] = new OpenApiHeader
        {
            Description = "The path of the created resource.",
            Required = true,
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri-reference" },
        };
        return Task.CompletedTask;
    }
}
