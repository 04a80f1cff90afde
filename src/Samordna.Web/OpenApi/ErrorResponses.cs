using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Samordna.Web.Access;

namespace Samordna.Web.OpenApi;

/// <summary>
/// The errors an operation can answer with, each as application/problem+json with the one
/// <see cref="ProblemSchema"/> (what <see cref="Problems.ProblemResponses"/> writes), derived from what the
/// endpoint is rather than listed per endpoint: a body or query can be invalid (400); a caller must be
/// signed in (401) unless the endpoint is anonymous; a capability can be missing, and a resource refuse the
/// operation (403); an id in the path can name nothing the caller may see (404); a change can break a rule
/// or come after someone else's (409); a body can be too large (413) or not JSON (415). Sign-in is rate
/// limited (429). What an endpoint declares itself (<c>.ProducesProblem</c>) is kept.
/// </summary>
public sealed class ErrorResponses : IOpenApiOperationTransformer
{
    public const string ProblemContentType = "application/problem+json";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var document = context.Document!;
        ProblemSchema.Register(document);
        var method = description.HttpMethod?.ToUpperInvariant() ?? "GET";
        var changes = method is "POST" or "PUT" or "PATCH" or "DELETE";
        var hasBody = metadata.OfType<IAcceptsMetadata>().Any() || operation.RequestBody is not null;
        var anonymous = SessionCookieSecurity.IsAnonymous(context);
        // The session itself is no record: signing in or out breaks no rule and has no version.
        var session = description.RelativePath?.TrimEnd('/') == "api/v1/session";
        var signIn = session && anonymous && method == "POST";

        operation.Responses ??= new OpenApiResponses();
        if (hasBody || operation.Parameters?.Any(p => p.In == ParameterLocation.Query) == true)
            Add(operation, document, 400, "The request is not valid: `errors` names each field and what is wrong with it.");
        if (!anonymous)
            Add(operation, document, 401, "Not signed in, or the session has ended: sign in with POST /api/v1/session.");
        else if (signIn)
            Add(operation, document, 401, "Sign-in refused: the same answer whether the account exists or not.");
        if (metadata.OfType<RequireCapabilityAttribute>().Any())
            Add(operation, document, 403, "The caller's roles do not allow this here; `operation` names a refused operation on a resource the caller may see.");
        if (operation.Parameters?.Any(p => p.In == ParameterLocation.Path) == true)
            Add(operation, document, 404, "Nothing with this id that the caller may see (a record the caller may not see answers the same).");
        if (changes && !anonymous && !session)
            Add(operation, document, 409, "The change breaks a rule of the record's current state, or someone else changed it since it was read (a stale `version`): read it again.");
        if (hasBody)
        {
            Add(operation, document, 413, "The body is larger than the server accepts.");
            Add(operation, document, 415, "The body is not JSON (send Content-Type: application/json).");
        }
        if (signIn)
            Add(operation, document, 429, "Too many sign-in attempts for this account or from this client: wait and try again.");
        return Task.CompletedTask;
    }

    private static void Add(OpenApiOperation operation, OpenApiDocument document, int status, string description)
    {
        var key = status.ToString();
        if (operation.Responses!.TryGetValue(key, out var existing) && existing.Content?.ContainsKey(ProblemContentType) == true) return;
        operation.Responses[key] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [ProblemContentType] = new() { Schema = new OpenApiSchemaReference(ProblemSchema.Id, document) },
            },
        };
    }
}

/// <summary>RFC 9457 problem details with this application's extensions (see <see cref="Problems.ProblemResponses.Write"/>).</summary>
public static class ProblemSchema
{
    public const string Id = "ProblemDetails";

    public static void Register(OpenApiDocument document)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        if (document.Components.Schemas.ContainsKey(Id)) return;
        document.Components.Schemas[Id] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "An error (RFC 9457). `title` and `detail` are Swedish text for the user; `status` repeats the HTTP status.",
            Required = new HashSet<string> { "type", "title", "status" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri", Description = "The HTTP status's definition in RFC 9110." },
                ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
                ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The request's path." },
                ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The reference to give support: it finds the request in the server's log." },
                ["errors"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Description = "400 only: per field (camelCase, `body` for the whole body), what is wrong.",
                    AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
                },
                ["operation"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Description = "403 only, on a resource the caller may see: the refused operation as the API names it (e.g. \"closeOrReopen\").",
                },
            },
            Examples = [JsonNode.Parse("""
                {"type":"https://www.rfc-editor.org/rfc/rfc9110#status.409","title":"Ändrad av någon annan","status":409,
                 "detail":"Någon annan sparade en ändring samtidigt. Läs in uppgifterna igen och gör om ändringen.",
                 "instance":"/api/v1/cases/6f1c2a8e-3b1d-4c55-9a7e-2d0f5b8c9e11","traceId":"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"}
                """)!],
        };
    }
}
