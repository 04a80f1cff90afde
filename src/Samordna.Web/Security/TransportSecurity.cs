using System.Net;
using Microsoft.AspNetCore.Authentication.Cookies;
using Samordna.Web.Problems;

namespace Samordna.Web.Security;

/// <summary>
/// Whether Samordna's cookies may travel over plain HTTP: never, unless <c>Samordna:SignIn:AllowInsecureHttp</c>
/// is true — for the local demo — and the host either runs in Development or listens on loopback addresses only
/// (<c>urls</c> / <c>--urls</c>, <c>Kestrel:Endpoints</c>; none set is Kestrel's http://localhost:5000). Set
/// anywhere else it stops the host: a session cookie without Secure on a reachable address would be sent in clear.
/// Otherwise a request that arrives over plain HTTP is refused (403) rather than half served — its Secure cookies
/// would never come back — except the health checks, which load balancers ask over HTTP. Behind a TLS proxy the
/// scheme is the forwarded one, so the proxy must be named in <c>Samordna:ForwardedHeaders:KnownProxies</c>.
/// </summary>
public sealed record TransportSecurity(bool AllowInsecureHttp)
{
    public const string Setting = "Samordna:SignIn:AllowInsecureHttp";

    public CookieSecurePolicy CookiePolicy => AllowInsecureHttp ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;

    public static TransportSecurity From(IConfiguration configuration, IHostEnvironment environment)
    {
        var text = configuration[Setting];
        if (string.IsNullOrWhiteSpace(text)) return new(false);
        if (!bool.TryParse(text, out var allow))
            throw new InvalidOperationException($"{Setting} is '{text}'; use true or false.");
        if (allow && !environment.IsDevelopment() && ListeningAddresses(configuration).FirstOrDefault(a => !IsLoopback(a)) is { } exposed)
            throw new InvalidOperationException(
                $"{Setting} is true but the host listens on {exposed}, which is not loopback; plain HTTP is only for the local demo " +
                "(Development, or --urls http://localhost:PORT). Put TLS in front and remove the setting.");
        return new(allow);
    }

    /// <summary>Every address the host is told to listen on; empty means Kestrel's default, http://localhost:5000.</summary>
    private static IEnumerable<string> ListeningAddresses(IConfiguration configuration)
    {
        foreach (var url in (configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            yield return url;
        foreach (var endpoint in configuration.GetSection("Kestrel:Endpoints").GetChildren())
            if (endpoint["Url"] is { Length: > 0 } url) yield return url;
        // http_ports / https_ports bind every interface.
        foreach (var key in new[] { "http_ports", "https_ports" })
            if (!string.IsNullOrWhiteSpace(configuration[key])) yield return $"*:{configuration[key]}";
    }

    private static bool IsLoopback(string url)
    {
        // "http://*:80" and "http://+:80" mean every interface; Uri cannot parse them, and they are not loopback.
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) return false;
        return uri.IsLoopback || IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
    }

    /// <summary>The refusal of plain HTTP when it is not allowed; a warning in the log says what is probably wrong.</summary>
    public async Task RefusePlainHttp(HttpContext http, RequestDelegate next)
    {
        if (AllowInsecureHttp || http.Request.IsHttps || http.Request.Path.StartsWithSegments("/health"))
        {
            await next(http);
            return;
        }
        http.RequestServices.GetRequiredService<ILogger<TransportSecurity>>().LogWarning(
            "Refused a request over plain HTTP to {Path}. Samordna answers over https only; behind a TLS proxy, name it in " +
            "Samordna:ForwardedHeaders:KnownProxies so its X-Forwarded-Proto is believed.", http.Request.Path);
        await ProblemResponses.Write(http, new Problem(StatusCodes.Status403Forbidden, "Samordna nås bara över https",
            "Öppna Samordna med en adress som börjar med https://."));
    }
}
