using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.HttpOverrides;

namespace Samordna.Web.Access;

/// <summary>
/// The reverse proxies whose X-Forwarded-For and X-Forwarded-Proto Samordna believes, read from
/// configuration once at start-up: <c>Samordna:ForwardedHeaders:KnownProxies</c> (IP addresses) and
/// <c>:KnownNetworks</c> (CIDR), each a list or one value separated by commas or spaces. The forwarded
/// address becomes the client address in the audit log, and anyone can send the header, so nothing else is
/// believed: without a configured proxy the address is the connection's. A malformed entry stops the host
/// with a message naming the setting.
/// </summary>
public sealed record ForwardedHeadersSettings(IReadOnlyList<IPAddress> KnownProxies, IReadOnlyList<System.Net.IPNetwork> KnownNetworks)
{
    public const string Section = "Samordna:ForwardedHeaders";

    /// <summary>
    /// Whether forwarded headers are read at all. The middleware must not run without a proxy: with both of
    /// its lists empty it believes every sender.
    /// </summary>
    public bool TrustsAProxy => KnownProxies.Count > 0 || KnownNetworks.Count > 0;

    public static ForwardedHeadersSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var proxies = Entries(section.GetSection(nameof(KnownProxies)))
            .Select(text => Address(text) ?? throw Malformed(nameof(KnownProxies), text, "an IP address, e.g. 10.0.0.5"))
            .ToList();
        var networks = Entries(section.GetSection(nameof(KnownNetworks)))
            .Select(text => Network(text) ?? throw Malformed(nameof(KnownNetworks), text,
                "a network in CIDR notation with no bits set after the prefix, e.g. 10.0.0.0/8"))
            .ToList();
        return new ForwardedHeadersSettings(proxies, networks);
    }

    /// <summary>The middleware's options: only the configured proxies, one hop.</summary>
    public ForwardedHeadersOptions Options()
    {
        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
            // One proxy in front: only the rightmost entry is the one our proxy added; entries to its left
            // came with the request and say whatever the client wants.
            ForwardLimit = 1,
        };
        // The defaults trust loopback, which on a shared host is any local process.
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in KnownProxies) options.KnownProxies.Add(proxy);
        foreach (var network in KnownNetworks) options.KnownIPNetworks.Add(network);
        return options;
    }

    /// <summary>A list in appsettings (<c>KnownProxies:0</c>, <c>:1</c>) and/or one value, as an environment variable gives it.</summary>
    private static IEnumerable<string> Entries(IConfigurationSection setting) =>
        setting.GetChildren().Select(child => child.Value).Prepend(setting.Value)
            .SelectMany(text => (text ?? "").Split([',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries));

    private static IPAddress? Address(string text) =>
        IPAddress.TryParse(text, out var address) && Unambiguous(text, address) ? address : null;

    private static System.Net.IPNetwork? Network(string text) =>
        text.Split('/') is [var baseAddress, _] && System.Net.IPNetwork.TryParse(text, out var network)
            && Unambiguous(baseAddress, network.BaseAddress)
            ? network : null;

    // IPAddress.TryParse also takes "10.1" (10.0.0.1) and "010.0.0.5" (octal, 8.0.0.5): a proxy address
    // must mean what it looks like, so IPv4 is accepted only as four plain decimal parts.
    private static bool Unambiguous(string text, IPAddress address) =>
        address.AddressFamily != AddressFamily.InterNetwork || address.ToString() == text;

    private static InvalidOperationException Malformed(string setting, string text, string expected) =>
        new($"{Section}:{setting} has '{text}', which is not {expected}. Fix or remove it; Samordna does not start with it.");
}
