using Samordna.Web.Problems;

namespace Samordna.Web.Security;

/// <summary>
/// Refuses a state-changing request (POST, PUT, PATCH, DELETE) that a browser says comes from another site:
/// <c>Sec-Fetch-Site: cross-site</c>, <c>same-site</c> from another origin (a neighbouring subdomain), or an
/// <c>Origin</c> that is not Samordna's own. Without it a page elsewhere could make a signed-in browser complete
/// a task with a body-less POST, and SameSite would be the only guard. A request with neither header — API
/// clients, scripts, the CLI — is not a browser's and passes. Samordna's own origin is the scheme and host the
/// request arrived with, i.e. what a configured proxy forwarded (<see cref="Access.ForwardedHeadersSettings"/>).
/// The identity provider's answers are the exception (<paramref name="remoteCallbacks"/>): it posts the sign-in
/// back from its own site by design (form_post), and that callback is guarded by state, nonce and the
/// correlation cookie instead.
/// </summary>
public sealed class CrossSiteRequests(RequestDelegate next, IReadOnlyList<PathString> remoteCallbacks)
{
    public Task Invoke(HttpContext http)
    {
        if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) ||
            HttpMethods.IsOptions(http.Request.Method) || HttpMethods.IsTrace(http.Request.Method) ||
            remoteCallbacks.Any(path => http.Request.Path.Equals(path, StringComparison.OrdinalIgnoreCase)) || !IsCrossSite(http.Request))
            return next(http);
        return ProblemResponses.Write(http, new Problem(StatusCodes.Status403Forbidden, "Begäran kom från en annan webbplats",
            "Samordna tar bara emot ändringar från sina egna sidor. Öppna Samordna direkt och försök igen."));
    }

    public static bool IsCrossSite(HttpRequest request)
    {
        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        if (fetchSite.Equals("cross-site", StringComparison.OrdinalIgnoreCase)) return true;
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0) return !IsOwnOrigin(request, origin);
        // same-site without an Origin to compare: a browser always sends Origin on these, so this is not one of ours.
        return fetchSite.Equals("same-site", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsOwnOrigin(HttpRequest request, string origin)
    {
        // "null" (a sandboxed frame, a redirect across origins) and anything unparseable are not Samordna.
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var claimed) || claimed.AbsolutePath != "/" || !request.Host.HasValue) return false;
        if (!Uri.TryCreate($"{request.Scheme}://{request.Host.Value}", UriKind.Absolute, out var own)) return false;
        return string.Equals(claimed.Scheme, own.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(claimed.IdnHost, own.IdnHost, StringComparison.OrdinalIgnoreCase)
            && claimed.Port == own.Port;
    }
}
