using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Samordna.Web.Security;

namespace Samordna.Web.Tests.Security;

/// <summary>Secure cookies always, except for the local demo: plain HTTP is allowed only when asked for and only in Development or on loopback.</summary>
public sealed class TransportSecurityTests
{
    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "Samordna.Web";
        public string ContentRootPath { get; set; } = "";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    private static TransportSecurity From(string environment, params (string Key, string Value)[] settings) =>
        TransportSecurity.From(new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build(),
            new Environment(environment));

    [Fact]
    public void Without_the_setting_every_cookie_is_secure() =>
        From("Production").CookiePolicy.ShouldBe(CookieSecurePolicy.Always);

    [Theory]
    [InlineData("http://localhost:5080")]
    [InlineData("http://127.0.0.1:5080;http://[::1]:5080")]
    [InlineData(null)] // Kestrel's default, http://localhost:5000
    public void The_local_demo_on_loopback_may_use_plain_http(string? urls)
    {
        (string, string)[] settings = urls is null ? [(TransportSecurity.Setting, "true")] : [(TransportSecurity.Setting, "true"), ("urls", urls)];
        From("Production", settings).CookiePolicy.ShouldBe(CookieSecurePolicy.SameAsRequest);
    }

    [Theory]
    [InlineData("urls", "http://0.0.0.0:8080")]
    [InlineData("urls", "http://localhost:5080;http://*:8080")]
    [InlineData("urls", "http://+:80")]
    [InlineData("urls", "http://samordna.asby.se")]
    [InlineData("Kestrel:Endpoints:Http:Url", "http://10.0.0.5:80")]
    [InlineData("http_ports", "8080")]
    public void Plain_http_on_a_reachable_address_stops_the_host_with_a_message_naming_the_setting(string key, string value)
    {
        var refusal = Should.Throw<InvalidOperationException>(() => From("Production", (TransportSecurity.Setting, "true"), (key, value)));
        refusal.Message.ShouldContain(TransportSecurity.Setting);
        refusal.Message.ShouldContain("not loopback");
        refusal.Message.ShouldNotContain("\n");
    }

    [Fact]
    public void In_Development_plain_http_is_allowed_when_asked_for() =>
        From("Development", (TransportSecurity.Setting, "true"), ("urls", "http://0.0.0.0:8080")).CookiePolicy.ShouldBe(CookieSecurePolicy.SameAsRequest);

    [Fact]
    public void A_value_that_is_not_true_or_false_stops_the_host() =>
        Should.Throw<InvalidOperationException>(() => From("Production", (TransportSecurity.Setting, "ja"))).Message.ShouldContain("use true or false");
}
