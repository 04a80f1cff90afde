using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.WebUtilities;

namespace Samordna.Web.Problems;

/// <summary>
/// Writes an error the way the caller can read it: problem+json for the API and for clients that do
/// not ask for HTML, a plain Swedish page for a browser.
/// </summary>
public static class ProblemResponses
{
    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api") ||
        !request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);

    public static async Task Write(HttpContext http, Problem problem)
    {
        if (http.Response.HasStarted) return;
        http.Response.StatusCode = problem.Status;
        if (IsApi(http.Request))
        {
            var details = problem.Errors is null
                ? new ProblemDetails()
                : new ValidationProblemDetails(problem.Errors);
            details.Status = problem.Status;
            details.Title = problem.Title;
            details.Detail = problem.Detail;
            details.Type = $"https://www.rfc-editor.org/rfc/rfc9110#status.{problem.Status}";
            details.Instance = http.Request.Path;
            details.Extensions["traceId"] = http.TraceIdentifier;
            if (problem.Operation is { } operation) details.Extensions["operation"] = operation;
            await http.RequestServices.GetRequiredService<IProblemDetailsService>()
                .WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = details });
            return;
        }

        http.Response.ContentType = "text/html; charset=utf-8";
        var errors = problem.Errors is null ? "" :
            "<ul>" + string.Concat(problem.Errors.SelectMany(e => e.Value).Select(m => $"<li>{Encode(m)}</li>")) + "</ul>";
        await http.Response.WriteAsync($"""
            <!doctype html><html lang="sv"><head><meta charset="utf-8"><title>{Encode(problem.Title)} – Samordna</title>
            <link rel="stylesheet" href="/css/site.css"></head>
            <body><main class="page"><h1>{Encode(problem.Title)}</h1><p>{Encode(problem.Detail ?? "")}</p>{errors}
            <p>Referens: {Encode(http.TraceIdentifier)}</p><p><a href="/">Till startsidan</a></p></main></body></html>
            """);
    }

    /// <summary>Status codes without a body (unknown route, wrong method) get a problem too.</summary>
    public static Task ForStatusCode(StatusCodeContext context)
    {
        var status = context.HttpContext.Response.StatusCode;
        var title = status switch
        {
            StatusCodes.Status404NotFound => "Sidan eller resursen finns inte",
            StatusCodes.Status405MethodNotAllowed => "Metoden stöds inte här",
            StatusCodes.Status401Unauthorized => "Inte inloggad",
            StatusCodes.Status403Forbidden => "Åtkomst nekad",
            _ => ReasonPhrases.GetReasonPhrase(status),
        };
        return Write(context.HttpContext, new Problem(status, title, null));
    }

    /// <summary>Pages go to the sign-in form; the API answers with a status and a problem.</summary>
    public static Task OrRedirect(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.Redirect(context.RedirectUri);
            return Task.CompletedTask;
        }
        return Write(context.HttpContext, new Problem(status,
            status == StatusCodes.Status401Unauthorized ? "Inte inloggad" : "Åtkomst nekad",
            status == StatusCodes.Status401Unauthorized ? "Logga in via POST /api/v1/session." : null));
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
