using System.Text;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Samordna.Web.OpenApi;

/// <summary>
/// Every operation has an operationId, which generated clients use as the method name. Endpoints name
/// themselves with <c>.WithName("listCases")</c>; one that forgets still gets a stable id from its method
/// and route ("postCasesIdJournal"), and the document test points at it.
/// </summary>
public sealed class OperationIdentity : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        operation.OperationId ??= FromRoute(context.Description.HttpMethod ?? "get", context.Description.RelativePath ?? "");
        return Task.CompletedTask;
    }

    public static string FromRoute(string method, string route)
    {
        var id = new StringBuilder(method.ToLowerInvariant());
        foreach (var segment in route.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(s => s is not "api" and not "v1"))
        {
            var name = segment.Trim('{', '}').Split(':')[0];
            foreach (var word in name.Split('-', StringSplitOptions.RemoveEmptyEntries))
                id.Append(char.ToUpperInvariant(word[0])).Append(word[1..]);
        }
        return id.ToString();
    }
}
