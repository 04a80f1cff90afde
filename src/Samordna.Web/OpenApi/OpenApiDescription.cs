using Samordna.Web.Api;

namespace Samordna.Web.OpenApi;

/// <summary>
/// /openapi/v1.json as integrators' generators read it: every operation named, summarised and secured as
/// it really is, its errors as problem details, enums as the strings on the wire. Everything is derived
/// from the endpoints' metadata and the CLR types by the transformers in this folder, never written by hand,
/// so the document cannot drift from the API.
/// </summary>
public static class OpenApiDescription
{
    public static IServiceCollection AddSamordnaOpenApi(this IServiceCollection services) =>
        services.AddOpenApi("v1", openApi =>
        {
            openApi.CreateSchemaReferenceId = OptionalSchemaTransformer.Inline;
            openApi.AddSchemaTransformer<OptionalSchemaTransformer>();
            openApi.AddSchemaTransformer<EnumSchemaTransformer>();
            openApi.AddSchemaTransformer<RequiredFieldsTransformer>();
            openApi.AddOperationTransformer<OperationIdentity>();
            openApi.AddOperationTransformer<FixedValuesTransformer>();
            openApi.AddOperationTransformer<SessionCookieSecurity>();
            openApi.AddOperationTransformer<ErrorResponses>();
            openApi.AddOperationTransformer<LocationHeader>();
            openApi.AddDocumentTransformer<RequiredFieldsTransformer>();
            openApi.AddDocumentTransformer<DocumentInfo>();
        });
}
