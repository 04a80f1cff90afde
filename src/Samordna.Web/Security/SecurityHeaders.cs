namespace Samordna.Web.Security;

/// <summary>
/// The headers every response carries — pages, API, static files, errors and 404s alike, since they are set as
/// the response starts: a Content-Security-Policy that allows no inline script or style and no framing (the
/// pages keep their script in wwwroot/js and their style in wwwroot/css), nosniff, a referrer that never leaves
/// Samordna (addresses hold case ids), the legacy X-Frame-Options, and HSTS on https (what the browser saw: the
/// forwarded scheme behind a configured proxy). HSTS is not sent over plain HTTP, which browsers ignore anyway,
/// nor in Development (<paramref name="strictTransport"/> false), where it would pin localhost to https for
/// every other project on the developer's machine.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next, string contentSecurityPolicy, bool strictTransport)
{
    public const string StrictTransportSecurity = "max-age=31536000; includeSubDomains";

    /// <param name="formTargets">Origins a form may post or be redirected to beside Samordna itself: the identity provider's.</param>
    public static string ContentSecurityPolicy(IEnumerable<string> formTargets) =>
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; object-src 'none'; base-uri 'self'; " +
        $"form-action {string.Join(' ', formTargets.Prepend("'self'"))}; frame-ancestors 'none'";

    public Task Invoke(HttpContext http)
    {
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = contentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            headers.XFrameOptions = "DENY";
            if (strictTransport && http.Request.IsHttps) headers.StrictTransportSecurity = StrictTransportSecurity;
            return Task.CompletedTask;
        });
        return next(http);
    }
}
