using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Samordna.Web.OpenApi;

/// <summary>
/// The session cookie as the one security scheme, on every operation that needs a signed-in caller. The
/// fallback policy makes that every endpoint without <see cref="IAllowAnonymous"/>, so that is the rule
/// here too: an endpoint is anonymous only if it says so.
/// </summary>
public sealed class SessionCookieSecurity : IOpenApiOperationTransformer
{
    public const string Scheme = "session";
    public const string CookieName = "samordna";

    public static bool IsAnonymous(OpenApiOperationTransformerContext context) =>
        context.Description.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any();

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var document = context.Document!;
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes.TryAdd(Scheme, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Cookie,
            Name = CookieName,
            Description = "The session cookie that POST /api/v1/session sets (HttpOnly, SameSite=Strict); the pages use the same one.",
        });
        operation.Security = IsAnonymous(context)
            ? []
            : [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Scheme, document)] = [] }];
        return Task.CompletedTask;
    }
}
