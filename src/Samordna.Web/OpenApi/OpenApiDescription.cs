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
    /// <summary>Where clients reach the API, for the document's <c>servers</c>; a value that is no absolute http(s) URL stops the host.</summary>
    public const string PublicBaseUrlSetting = "Samordna:OpenApi:PublicBaseUrl";

    public static IServiceCollection AddSamordnaOpenApi(this IServiceCollection services, PublicBaseUrl publicBaseUrl) =>
        services.AddSingleton(publicBaseUrl)
            .AddOpenApi("v1", openApi =>
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

/// <summary>The API's address as clients see it (behind the proxy): "/" — the document's own host — unless configured.</summary>
public sealed record PublicBaseUrl(string Url)
{
    public static string From(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured)) return "/";
        if (!Uri.TryCreate(configured, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http") || url.Query.Length > 0 || url.Fragment.Length > 0)
            throw new InvalidOperationException(
                $"{OpenApiDescription.PublicBaseUrlSetting} must be an absolute http(s) address without query, e.g. https://samordna.kommun.se; it is '{configured}'.");
        return url.GetLeftPart(UriPartial.Path).TrimEnd('/');
    }
}
