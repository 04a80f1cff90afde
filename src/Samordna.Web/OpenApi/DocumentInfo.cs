using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Samordna.Web.OpenApi;

/// <summary>
/// The document's own description: title, what each tag covers, and where the API is. The generator would
/// put the request's scheme and Host header there ("http://host/", wrong behind a TLS proxy and echoing
/// whatever a client sends); instead it is <see cref="PublicBaseUrl"/>.
/// </summary>
public sealed class DocumentInfo(PublicBaseUrl server) : IOpenApiDocumentTransformer
{
    private static readonly Dictionary<string, string> Tags = new()
    {
        ["Session"] = "Sign-in for API clients: the session cookie, as the pages use it.",
        ["Organisation"] = "The caller's municipality and its units.",
        ["People"] = "The person register: personnummer, samordningsnummer, reservnummer or anonymous; skyddade personuppgifter; possible duplicates.",
        ["Cases"] = "Cases (ärenden), their parties, journal, team, tasks, process and case groups.",
        ["Handovers"] = "Överlämningar between units and the receiving units' waiting lists.",
        ["Deadlines"] = "Tasks with legal deadlines and the deadline radar.",
        ["Reports of concern"] = "Orosanmälningar about children and what became of them.",
        ["Classification"] = "The shared classification of violence.",
        ["Perpetrator route"] = "Motivation, support offers and police events for perpetrator cases.",
        ["Open talks"] = "Friyta: anonymous open talks without a decision, their end or conversion to a case.",
        ["Statistics"] = "Counts for follow-up; no identities leave.",
        ["Audit log"] = "Logguppföljning: the audit log and its saved checks.",
        ["Administration"] = "Staff administration for systemförvaltare, with four-eyes approval of access.",
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        document.Info.Title = "Samordna API";
        document.Info.Description = "Case management for social services' work against violence in close relationships. " +
            "Sign in with POST /api/v1/session; errors are application/problem+json; a change to a record takes the `version` last read (409 when stale).";
        document.Servers = [new OpenApiServer { Url = server.Url }];

        var used = document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []).SelectMany(o => o.Tags ?? new HashSet<OpenApiTagReference>())
            .Select(t => t.Name).Where(n => n is not null).Distinct().Order(StringComparer.Ordinal);
        document.Tags = new HashSet<OpenApiTag>(used.Select(name => new OpenApiTag
        {
            Name = name,
            Description = Tags.GetValueOrDefault(name!) ?? throw new InvalidOperationException($"The tag '{name}' has no description in {nameof(DocumentInfo)}."),
        }));
        return Task.CompletedTask;
    }
}
