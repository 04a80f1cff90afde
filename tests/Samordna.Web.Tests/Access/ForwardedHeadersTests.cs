using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Samordna.Core.Audit;
using Samordna.Web.Access;
using Samordna.Web.Tests.Infrastructure;

namespace Samordna.Web.Tests.Access;

/// <summary>
/// The client address in the audit log comes from X-Forwarded-For only when the connection is from a
/// configured proxy. The test server's connection is from loopback (<see cref="SamordnaApp"/>), so loopback
/// is the proxy here, and 203.0.113.7 the client it speaks for.
/// </summary>
public abstract class ForwardedHeadersTests(SamordnaApp app)
{
    protected const string Client = "203.0.113.7";
    protected const string Loopback = "127.0.0.1";

    /// <summary>A caseworker registers a person, then reads the person with <paramref name="forwardedFor"/>; the address the read was logged with.</summary>
    protected async Task<string?> AddressLoggedForARead(string forwardedFor)
    {
        var client = await app.SignedIn(app.Asby.Caseworker);
        var registered = await client.PostAsJsonAsync("/api/v1/people", new { pseudonym = "Kvinna vid disken", gender = "woman" });
        registered.StatusCode.ShouldBe(HttpStatusCode.Created, await registered.Content.ReadAsStringAsync());
        var personId = Guid.Parse(registered.Headers.Location!.OriginalString.Split('/')[^1]);

        using var read = new HttpRequestMessage(HttpMethod.Get, registered.Headers.Location);
        read.Headers.Add("X-Forwarded-For", forwardedFor);
        read.Headers.Add("X-Forwarded-Proto", "https");
        (await client.SendAsync(read)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var entry = await app.InDatabase(db => db.Set<AuditEntry>()
            .SingleAsync(e => e.Action == AuditAction.ReadPerson && e.Subjects.Any(s => s.PersonId == personId)));
        return entry.ClientAddress;
    }

    /// <summary>
    /// Whether a request that reached the host over plain http but says X-Forwarded-Proto: https is taken as https:
    /// HSTS, which is sent on https only. (The session cookie is Secure either way.)
    /// </summary>
    protected async Task<bool> ForwardedHttpsIsBelieved()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health");
        request.Headers.Add("X-Forwarded-For", Client);
        request.Headers.Add("X-Forwarded-Proto", "https");
        var response = await app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://localhost"), HandleCookies = false })
            .SendAsync(request);
        response.EnsureSuccessStatusCode();
        return response.Headers.Contains("Strict-Transport-Security");
    }
}

/// <summary>The default: no proxy configured, so anyone's X-Forwarded-For is ignored.</summary>
public sealed class WithoutAKnownProxy(SqliteApp app) : ForwardedHeadersTests(app), IClassFixture<SqliteApp>
{
    [Fact]
    public async Task X_Forwarded_For_is_ignored_and_the_log_names_the_connection() =>
        (await AddressLoggedForARead(Client)).ShouldBe(Loopback);

    [Fact]
    public async Task X_Forwarded_Proto_is_ignored() =>
        (await ForwardedHttpsIsBelieved()).ShouldBeFalse();
}

/// <summary>Samordna:ForwardedHeaders:KnownProxies = 127.0.0.1, the test server's connection.</summary>
public sealed class LoopbackProxyApp : SqliteApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Samordna:ForwardedHeaders:KnownProxies:0", "127.0.0.1");
    }
}

public sealed class BehindAKnownProxy(LoopbackProxyApp app) : ForwardedHeadersTests(app), IClassFixture<LoopbackProxyApp>
{
    [Fact]
    public async Task The_log_names_the_client_the_proxy_forwarded() =>
        (await AddressLoggedForARead(Client)).ShouldBe(Client);

    [Fact]
    public async Task The_scheme_the_proxy_saw_counts_as_https_and_gets_HSTS() =>
        (await ForwardedHttpsIsBelieved()).ShouldBeTrue();
}

/// <summary>A proxy and a proxy network configured, neither of them the test server's loopback connection.</summary>
public sealed class OtherProxyApp : SqliteApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Samordna:ForwardedHeaders:KnownProxies:0", "10.0.0.5");
        builder.UseSetting("Samordna:ForwardedHeaders:KnownNetworks:0", "192.0.2.0/24");
    }
}

public sealed class FromAnUnknownProxy(OtherProxyApp app) : ForwardedHeadersTests(app), IClassFixture<OtherProxyApp>
{
    [Fact]
    public async Task X_Forwarded_For_from_a_caller_that_is_not_a_configured_proxy_is_ignored() =>
        (await AddressLoggedForARead(Client)).ShouldBe(Loopback);
}

/// <summary>Reading the settings, and what the middleware makes of them, without a host or a database.</summary>
public sealed class ForwardedHeadersSettingsTests
{
    private static ForwardedHeadersSettings Read(Dictionary<string, string?> values) =>
        ForwardedHeadersSettings.From(new ConfigurationBuilder().AddInMemoryCollection(values).Build());

    /// <summary>The client address after ASP.NET Core's middleware ran with the settings' options, for a request from <paramref name="from"/>.</summary>
    private static async Task<string?> ClientAddress(ForwardedHeadersSettings settings, string from, string forwardedFor)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(from);
        context.Request.Headers["X-Forwarded-For"] = forwardedFor;
        var middleware = new ForwardedHeadersMiddleware(_ => Task.CompletedTask,
            Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance, Options.Create(settings.Options()));
        await middleware.Invoke(context);
        return context.Connection.RemoteIpAddress?.ToString();
    }

    [Fact]
    public void Without_settings_no_proxy_is_trusted_so_the_middleware_is_not_used()
    {
        var settings = Read([]);
        settings.KnownProxies.ShouldBeEmpty();
        settings.KnownNetworks.ShouldBeEmpty();
        settings.TrustsAProxy.ShouldBeFalse();
    }

    [Fact]
    public void Lists_are_read_from_appsettings_entries_and_from_one_separated_value()
    {
        var settings = Read(new()
        {
            ["Samordna:ForwardedHeaders:KnownProxies:0"] = "10.0.0.5",
            ["Samordna:ForwardedHeaders:KnownProxies:1"] = "2001:db8::5",
            ["Samordna:ForwardedHeaders:KnownNetworks"] = "10.1.0.0/16, 192.0.2.0/24",
        });
        settings.KnownProxies.ShouldBe([IPAddress.Parse("10.0.0.5"), IPAddress.Parse("2001:db8::5")]);
        settings.KnownNetworks.ShouldBe([System.Net.IPNetwork.Parse("10.1.0.0/16"), System.Net.IPNetwork.Parse("192.0.2.0/24")]);
        settings.TrustsAProxy.ShouldBeTrue();
    }

    [Theory]
    [InlineData("proxy.asby.se")]
    [InlineData("10.1")]       // IPAddress would read 10.0.0.1
    [InlineData("010.0.0.5")]  // ...and this as octal, 8.0.0.5
    [InlineData("10.0.0.0/8")] // a network in the list of addresses
    public void A_malformed_proxy_address_is_refused_naming_the_setting(string value) =>
        Should.Throw<InvalidOperationException>(() => Read(new() { ["Samordna:ForwardedHeaders:KnownProxies:0"] = value }))
            .Message.ShouldStartWith($"Samordna:ForwardedHeaders:KnownProxies has '{value}'");

    [Theory]
    [InlineData("10.0.0.0")]    // no prefix length
    [InlineData("10.0.0.1/8")]  // bits set after the prefix
    [InlineData("10.0.0.0/33")]
    [InlineData("10.0/16")]
    public void A_malformed_network_is_refused_naming_the_setting(string value) =>
        Should.Throw<InvalidOperationException>(() => Read(new() { ["Samordna:ForwardedHeaders:KnownNetworks"] = value }))
            .Message.ShouldStartWith($"Samordna:ForwardedHeaders:KnownNetworks has '{value}'");

    [Fact]
    public void The_host_does_not_start_with_a_malformed_proxy()
    {
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Samordna:ForwardedHeaders:KnownProxies", "10.0.0.5,proxy.asby.se");
        });
        Should.Throw<InvalidOperationException>(() => factory.CreateClient())
            .Message.ShouldContain("Samordna:ForwardedHeaders:KnownProxies has 'proxy.asby.se'");
    }

    [Theory]
    [InlineData("10.1.2.3", Client)]        // inside the configured network
    [InlineData("::ffff:10.1.2.3", Client)] // the same, as a dual-stack socket reports it
    [InlineData("10.0.0.5", Client)]        // the configured proxy
    [InlineData("127.0.0.1", "127.0.0.1")]  // loopback, trusted by ASP.NET Core's defaults, not by ours
    [InlineData("::1", "::1")]
    [InlineData("10.2.0.1", "10.2.0.1")]    // outside the network
    public async Task Forwarded_for_is_believed_only_from_a_configured_proxy_or_network(string from, string logged)
    {
        var settings = Read(new()
        {
            ["Samordna:ForwardedHeaders:KnownProxies"] = "10.0.0.5",
            ["Samordna:ForwardedHeaders:KnownNetworks"] = "10.1.0.0/16",
        });
        (await ClientAddress(settings, from, Client)).ShouldBe(logged);
    }

    [Fact]
    public async Task A_client_inside_a_trusted_network_cannot_put_an_address_of_its_choosing_before_its_own()
    {
        // Staff machines may sit in the network the proxy does. The proxy appends the machine's address;
        // one hop only, so the middleware does not walk on to the entry the machine wrote itself.
        var settings = Read(new() { ["Samordna:ForwardedHeaders:KnownNetworks"] = "10.0.0.0/8" });
        (await ClientAddress(settings, "10.0.0.5", "198.51.100.66, 10.2.3.4")).ShouldBe("10.2.3.4");
    }

    private const string Client = "203.0.113.7";
}
