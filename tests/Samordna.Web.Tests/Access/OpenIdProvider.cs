using System.Diagnostics;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Samordna.Web.Tests.Access;

/// <summary>
/// A real OpenID provider for the sign-in tests: panva's certified <c>oidc-provider</c> (tests/oidc-provider,
/// pinned by its package-lock.json), run by node on a loopback port over HTTPS with a certificate from a
/// test CA made here. Profile claims come from userinfo only; PKCE, RP-initiated and back-channel logout are
/// on. Accounts are a JSON file the provider reads on every look-up, so a test adds people while it runs.
/// Node and npm are required: without them the tests fail, they are never skipped.
/// </summary>
public sealed class OpenIdProvider : IDisposable
{
    public const string ClientId = "samordna-test";
    public const string ClientSecret = "provider-secret-for-tests-2026";

    private static readonly SemaphoreSlim Install = new(1, 1);

    private readonly string _directory = Directory.CreateTempSubdirectory("samordna-oidc-").FullName;
    private readonly object _accountsLock = new();
    private readonly Dictionary<string, object> _accounts = [];
    private readonly StringBuilder _output = new();
    private Process? _node;

    /// <param name="appBase">Where Samordna listens (https://localhost:port): the client's redirect and logout addresses.</param>
    public OpenIdProvider(string appBase, IReadOnlyList<string>? acrValues = null)
    {
        AppBase = appBase.TrimEnd('/');
        Port = FreePort();
        Issuer = $"https://127.0.0.1:{Port}";
        (Authority, ServerCertificate) = Certificates();
        CertificateAuthorityFile = Path.Combine(_directory, "ca.pem");
        File.WriteAllText(CertificateAuthorityFile, Authority.ExportCertificatePem());
        File.WriteAllText(Path.Combine(_directory, "cert.pem"), ServerCertificate.ExportCertificatePem());
        using (var key = ServerCertificate.GetRSAPrivateKey()!)
            File.WriteAllText(Path.Combine(_directory, "key.pem"), key.ExportPkcs8PrivateKeyPem());
        WriteAccounts();
        File.WriteAllText(SettingsFile, JsonSerializer.Serialize(new
        {
            issuer = Issuer,
            port = Port,
            certFile = Path.Combine(_directory, "cert.pem"),
            keyFile = Path.Combine(_directory, "key.pem"),
            accountsFile = AccountsFile,
            acrValues = acrValues ?? [],
            clients = new[]
            {
                new Dictionary<string, object>
                {
                    ["client_id"] = ClientId,
                    ["client_secret"] = ClientSecret,
                    ["redirect_uris"] = new[] { $"{AppBase}/signin-oidc" },
                    ["post_logout_redirect_uris"] = new[] { $"{AppBase}/signout-callback-oidc" },
                    ["backchannel_logout_uri"] = $"{AppBase}/signout-backchannel-oidc",
                },
            },
        }));
    }

    public string AppBase { get; }
    public int Port { get; }
    public string Issuer { get; }

    /// <summary>The test CA; the app's back channel trusts it (Samordna:SignIn:OpenIdConnect:CertificateAuthorityFile) and nothing else.</summary>
    public X509Certificate2 Authority { get; }

    public string CertificateAuthorityFile { get; }

    /// <summary>For localhost and 127.0.0.1, issued by <see cref="Authority"/>: the provider's, and Samordna's own on Kestrel.</summary>
    public X509Certificate2 ServerCertificate { get; }

    private string SettingsFile => Path.Combine(_directory, "settings.json");
    private string AccountsFile => Path.Combine(_directory, "accounts.json");

    /// <summary>An account at the provider: <paramref name="login"/> is what is typed on its login page.</summary>
    public void AddAccount(string login, string subject, string? userName, string? acr = null)
    {
        lock (_accountsLock)
        {
            var claims = new Dictionary<string, string> { ["name"] = $"Person {login}" };
            if (userName is not null) claims["preferred_username"] = userName;
            _accounts[login] = new { sub = subject, acr, claims };
            WriteAccounts();
        }
    }

    private void WriteAccounts()
    {
        var temporary = AccountsFile + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(_accounts));
        File.Move(temporary, AccountsFile, overwrite: true);
    }

    /// <summary>Starts node (after <c>npm ci</c> when the packages are not installed yet) and waits for the discovery document.</summary>
    public async Task Start()
    {
        var folder = ProviderFolder();
        // Fixtures start in parallel; one npm ci for them all.
        await Install.WaitAsync();
        try
        {
            if (!Directory.Exists(Path.Combine(folder, "node_modules", "oidc-provider")))
            {
                var (code, output) = await Run("npm", "ci --prefer-offline --no-audit --no-fund", folder, TimeSpan.FromMinutes(5));
                if (code != 0) throw new InvalidOperationException($"npm ci in {folder} failed ({code}):\n{output}");
            }
        }
        finally
        {
            Install.Release();
        }
        _node = StartProcess(new ProcessStartInfo("node", ["provider.js", SettingsFile])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // Its back-channel logout calls reach Samordna on the test CA's certificate.
            Environment = { ["NODE_EXTRA_CA_CERTS"] = CertificateAuthorityFile, ["NODE_ENV"] = "test" },
        });
        _node.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _node.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _node.BeginOutputReadLine();
        _node.BeginErrorReadLine();

        // Generous: on a loaded 2-core machine running the whole suite node has taken more than 30 s to listen.
        using var client = new HttpClient(TrustingHandler()) { Timeout = TimeSpan.FromSeconds(10) };
        var started = Stopwatch.StartNew();
        Exception? last = null;
        while (started.Elapsed < TimeSpan.FromMinutes(2))
        {
            if (_node.HasExited) throw new InvalidOperationException($"oidc-provider exited ({_node.ExitCode}):\n{Output}");
            try
            {
                var discovery = await client.GetAsync($"{Issuer}/.well-known/openid-configuration");
                if (discovery.IsSuccessStatusCode)
                {
                    StartupTime = started.Elapsed;
                    return;
                }
                last = new InvalidOperationException($"discovery answered {(int)discovery.StatusCode}");
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                last = e;
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"oidc-provider did not answer within 2 minutes ({last?.Message}):\n{Output}", last);
    }

    /// <summary>From starting node to the first answer of its discovery document.</summary>
    public TimeSpan StartupTime { get; private set; }

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <summary>A handler that trusts the test CA only (and checks the host name), as a browser with that CA installed would.</summary>
    public HttpMessageHandler TrustingHandler(CookieContainer? cookies = null) => new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = cookies is not null,
        CookieContainer = cookies ?? new CookieContainer(),
        SslOptions = new SslClientAuthenticationOptions
        {
            RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
            {
                if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None) return false;
                using var chain = new X509Chain();
                chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.CustomTrustStore.Add(Authority);
                chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                return chain.Build(new X509Certificate2(certificate));
            },
        },
    };

    private bool _disposed;

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        if (_node is { HasExited: false })
        {
            _node.Kill(entireProcessTree: true);
            _node.WaitForExit(5000);
        }
        _node?.Dispose();
        try { Directory.Delete(_directory, recursive: true); }
        catch (IOException) { }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static (X509Certificate2 Authority, X509Certificate2 Server) Certificates()
    {
        var now = DateTimeOffset.UtcNow;
        using var caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest("CN=Samordna test CA", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        var authority = caRequest.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));

        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authority, true, false));
        using var issued = request.Create(authority, now.AddMinutes(-5), now.AddDays(1), RandomNumberGenerator.GetBytes(16));
        // Kestrel on Linux wants a certificate whose key it can use: round-trip through PKCS#12.
        var server = X509CertificateLoader.LoadPkcs12(issued.CopyWithPrivateKey(key).Export(X509ContentType.Pkcs12), null);
        return (authority, server);
    }

    private static string ProviderFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "tests", "oidc-provider");
            if (File.Exists(Path.Combine(candidate, "package.json"))) return candidate;
        }
        throw new InvalidOperationException("tests/oidc-provider not found above " + AppContext.BaseDirectory);
    }

    private const string NodeNeeded = "The sign-in tests run a real OpenID provider on Node.js: install Node.js 20 or later with npm (Debian: apt-get install nodejs npm).";

    private static Process StartProcess(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} could not be started. {NodeNeeded}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{start.FileName} could not be started ({e.Message}). {NodeNeeded}", e);
        }
    }

    private static async Task<(int Code, string Output)> Run(string file, string arguments, string folder, TimeSpan timeout)
    {
        using var process = StartProcess(new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        });
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancel.Token);
        return (process.ExitCode, await output + await error);
    }
}

/// <summary>
/// A browser without JavaScript, enough for OpenID Connect: one cookie jar for Samordna and the provider,
/// redirects followed by hand, and the provider's pages that only carry hidden fields (form_post answers, its
/// logout confirmation) submitted as their script would (or a person pressing its one button). It stops at a page that wants input.
/// </summary>
public sealed partial class TestBrowser : IDisposable
{
    private readonly OpenIdProvider idp;
    private readonly HttpClient _client;

    public TestBrowser(OpenIdProvider idp)
    {
        this.idp = idp;
        _client = new HttpClient(idp.TrustingHandler(Cookies)) { Timeout = TimeSpan.FromSeconds(30) };
    }

    public CookieContainer Cookies { get; } = new();

    public sealed record Page(Uri Address, HttpStatusCode Status, string Html, IReadOnlyList<Uri> Visited)
    {
        public bool IsProviderLogin => Html.Contains("id=\"op-login-prompt\"", StringComparison.Ordinal);
    }

    /// <summary>Drops Samordna's cookie <paramref name="name"/>, as a browser does with one that has expired.</summary>
    public void Forget(string name)
    {
        foreach (Cookie cookie in Cookies.GetCookies(new Uri(idp.AppBase)))
            if (cookie.Name == name || cookie.Name.StartsWith(name + "C", StringComparison.Ordinal)) cookie.Expired = true;
    }

    /// <summary>An address typed into the browser.</summary>
    public Task<Page> Get(string url) => Navigate(new HttpRequestMessage(HttpMethod.Get, url), initiator: null);

    /// <summary>A form on a page of the same origin submitted.</summary>
    public Task<Page> Post(string url, IEnumerable<KeyValuePair<string, string>> form) =>
        Navigate(new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) }, Origin(new Uri(url)));

    public Task<HttpResponseMessage> Send(HttpRequestMessage request) => _client.SendAsync(request);

    /// <summary>Types <paramref name="login"/> into the provider's login page and goes on.</summary>
    public Task<Page> SignInAtProvider(Page loginPage, string login)
    {
        loginPage.IsProviderLogin.ShouldBeTrue($"not the provider's login page: {loginPage.Address}\n{loginPage.Html}");
        var (action, _) = Form(loginPage);
        return Post(action.ToString(), [new("login", login)]);
    }

    /// <summary>Presses "Logga in med …" on Samordna's sign-in page.</summary>
    /// <param name="appBase">Samordna's address as the browser has it; by default the one registered at the provider.</param>
    public async Task<Page> PressProviderButton(string returnUrl = "/", string? appBase = null)
    {
        appBase ??= idp.AppBase;
        var login = await Get($"{appBase}/Account/Login");
        var token = AntiforgeryToken().Match(login.Html).Groups[1].Value;
        token.ShouldNotBeNullOrEmpty();
        return await Post($"{appBase}/Account/ExternalLogin", [new("__RequestVerificationToken", token), new("ReturnUrl", returnUrl)]);
    }

    /// <summary>Presses "Logga ut" in Samordna.</summary>
    public async Task<Page> SignOut()
    {
        var logout = await Get($"{idp.AppBase}/Account/Logout");
        var token = AntiforgeryToken().Match(logout.Html).Groups[1].Value;
        return await Post($"{idp.AppBase}/Account/Logout", [new("__RequestVerificationToken", token)]);
    }

    /// <summary>
    /// Sends <paramref name="request"/> and follows it as a browser would, with the fetch metadata a browser
    /// sends: <c>Origin</c> on a form post (so a cross-site guard sees the provider's form_post as what it is)
    /// and <c>Sec-Fetch-Site</c> relative to <paramref name="initiator"/>, cross-site once any hop was.
    /// </summary>
    private async Task<Page> Navigate(HttpRequestMessage request, string? initiator)
    {
        var visited = new List<Uri>();
        var crossSite = false;
        for (var hops = 0; hops < 20; hops++)
        {
            var address = new Uri(_client.BaseAddress ?? new Uri(idp.AppBase), request.RequestUri!);
            request.RequestUri = address;
            visited.Add(address);
            crossSite |= initiator is not null && initiator != Origin(address);
            request.Headers.Add("Sec-Fetch-Site", initiator is null ? "none" : crossSite ? "cross-site" : "same-origin");
            request.Headers.Add("Sec-Fetch-Mode", "navigate");
            if (request.Method == HttpMethod.Post && initiator is not null) request.Headers.Add("Origin", initiator);
            using var response = await _client.SendAsync(request);
            var html = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location)
            {
                request = new HttpRequestMessage(HttpMethod.Get, new Uri(address, location));
                continue;
            }
            var page = new Page(address, response.StatusCode, html, visited);
            if (address.GetLeftPart(UriPartial.Authority) == idp.Issuer && Form(page) is ({ } action, { } fields) && fields.All(f => f.Hidden))
            {
                request = new HttpRequestMessage(HttpMethod.Post, action)
                    { Content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))) };
                initiator = Origin(address);
                crossSite = false;
                continue;
            }
            return page;
        }
        throw new InvalidOperationException("More than 20 hops: " + string.Join(" → ", visited));
    }

    private static string Origin(Uri address) => address.GetLeftPart(UriPartial.Authority);

    private sealed record Field(string Name, string Value, bool Hidden);

    private static (Uri Action, List<Field> Fields) Form(Page page)
    {
        var form = FormPattern().Match(page.Html);
        if (!form.Success) return (null!, null!);
        var fields = InputPattern().Matches(form.Groups["body"].Value).Select(input =>
        {
            string? Attribute(string name) => Regex.Match(input.Value, $"\\b{name}=\"([^\"]*)\"") is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;
            return new Field(Attribute("name") ?? "", Attribute("value") ?? "", Attribute("type") == "hidden");
        }).Where(f => f.Name != "").ToList();
        return (new Uri(page.Address, WebUtility.HtmlDecode(form.Groups["action"].Value)), fields);
    }

    [GeneratedRegex("<form[^>]*method=\"post\"[^>]*action=\"(?<action>[^\"]*)\"[^>]*>(?<body>.*?)</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormPattern();

    [GeneratedRegex("<input[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InputPattern();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    public void Dispose() => _client.Dispose();
}
