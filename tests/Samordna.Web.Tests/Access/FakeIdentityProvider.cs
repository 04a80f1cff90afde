using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using Samordna.Web.Access;

namespace Samordna.Web.Tests.Access;

/// <summary>
/// The municipality's identity provider, played in-process so no test touches the network: a hand-made
/// discovery document (never fetched) and a token endpoint behind the handler's back channel that
/// checks the PKCE verifier and answers with an ID token signed by a key of its own.
/// </summary>
public sealed class FakeIdentityProvider : HttpMessageHandler
{
    public const string Issuer = "https://idp.example";
    public const string ClientId = "samordna-test";
    public const string ClientSecret = "provider-secret-for-tests";
    public const string DisplayName = "Åsby kommuns inloggning";

    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = "fake-idp-key" };
    private readonly ConcurrentDictionary<string, Grant> _grants = new();

    private sealed record Grant(string Nonce, string CodeChallenge, string RedirectUri, IReadOnlyDictionary<string, object> Claims);

    public FakeIdentityProvider()
    {
        Configuration = new OpenIdConnectConfiguration
        {
            Issuer = Issuer,
            AuthorizationEndpoint = $"{Issuer}/authorize",
            TokenEndpoint = $"{Issuer}/token",
            EndSessionEndpoint = $"{Issuer}/logout",
            JwksUri = $"{Issuer}/jwks",
        };
        Configuration.SigningKeys.Add(_key);
        Configuration.ResponseTypesSupported.Add("code");
        Configuration.CodeChallengeMethodsSupported.Add("S256");
    }

    public OpenIdConnectConfiguration Configuration { get; }

    /// <summary>Token requests answered, whatever the answer.</summary>
    public int TokenRequests { get; private set; }

    /// <summary>Points the host's OpenID Connect settings here; <paramref name="localAccounts"/> false turns passwords off.</summary>
    public void Install(IWebHostBuilder builder, bool localAccounts)
    {
        builder.UseSetting("Samordna:SignIn:OpenIdConnect:Authority", Issuer);
        builder.UseSetting("Samordna:SignIn:OpenIdConnect:ClientId", ClientId);
        builder.UseSetting("Samordna:SignIn:OpenIdConnect:ClientSecret", ClientSecret);
        builder.UseSetting("Samordna:SignIn:OpenIdConnect:DisplayName", DisplayName);
        builder.UseSetting("Samordna:SignIn:LocalAccounts", localAccounts ? "true" : "false");
        builder.ConfigureTestServices(services => services.PostConfigure<OpenIdConnectOptions>(OpenIdConnectSignIn.Scheme, options =>
        {
            options.Configuration = Configuration;
            options.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(Configuration);
            options.Backchannel = new HttpClient(this, disposeHandler: false);
        }));
    }

    /// <summary>
    /// What the provider does when the person at <paramref name="authorizeRequest"/> (the handler's
    /// redirect) has signed in: hands out a code for an ID token with <paramref name="claims"/>.
    /// </summary>
    public string SignIn(Uri authorizeRequest, IReadOnlyDictionary<string, object> claims)
    {
        var query = QueryHelpers.ParseQuery(authorizeRequest.Query);
        var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        _grants[code] = new Grant(query["nonce"].ToString(), query["code_challenge"].ToString(), query["redirect_uri"].ToString(), claims);
        return code;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method != HttpMethod.Post || request.RequestUri?.ToString() != Configuration.TokenEndpoint)
            return new HttpResponseMessage(HttpStatusCode.NotFound);
        TokenRequests++;
        var form = QueryHelpers.ParseQuery(await request.Content!.ReadAsStringAsync(cancellationToken));
        if (form["grant_type"] != "authorization_code" || form["client_id"] != ClientId || form["client_secret"] != ClientSecret)
            return Error("invalid_client");
        if (!_grants.TryRemove(form["code"].ToString(), out var grant) || form["redirect_uri"] != grant.RedirectUri)
            return Error("invalid_grant");
        var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString())));
        if (challenge != grant.CodeChallenge) return Error("invalid_grant");

        var accessToken = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var claims = new Dictionary<string, object>(grant.Claims)
        {
            ["nonce"] = grant.Nonce,
            ["at_hash"] = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(accessToken))[..16]),
        };
        var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = ClientId,
            Claims = claims,
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
        });
        return Json(HttpStatusCode.OK, new { access_token = accessToken, token_type = "Bearer", expires_in = 300, id_token = idToken });
    }

    private static HttpResponseMessage Error(string error) => Json(HttpStatusCode.BadRequest, new { error });

    private static HttpResponseMessage Json(HttpStatusCode status, object body) => new(status)
    {
        Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
    };
}
