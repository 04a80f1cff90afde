namespace Samordna.Web.Access;

/// <summary>
/// How staff sign in, read from configuration once at start-up: local accounts (<c>Samordna:SignIn:LocalAccounts</c>,
/// on unless set to false), OpenID Connect against the municipality's identity provider (on exactly when
/// <c>Samordna:SignIn:OpenIdConnect:Authority</c> is set), or both. A configuration that leaves no way in,
/// or names a provider without a client id, stops the host with a message saying what to set.
/// </summary>
public sealed record SignInSettings(bool LocalAccounts, OpenIdConnectSettings? OpenIdConnect)
{
    public const string Section = "Samordna:SignIn";

    public static SignInSettings From(IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection(Section);
        var localText = section["LocalAccounts"];
        var local = true;
        if (!string.IsNullOrWhiteSpace(localText) && !bool.TryParse(localText, out local))
            throw new InvalidOperationException($"{Section}:LocalAccounts is '{localText}'; use true or false.");

        var oidc = OpenIdConnectSettings.From(section.GetSection("OpenIdConnect"), environment);
        if (!local && oidc is null)
            throw new InvalidOperationException(
                $"{Section}:LocalAccounts is false and OpenID Connect is not configured, so nobody could sign in. " +
                $"Set {OpenIdConnectSettings.Section}:Authority and :ClientId, or turn local accounts back on.");
        return new SignInSettings(local, oidc);
    }

    /// <summary>What the sign-in page calls the identity provider; only meaningful when <see cref="OpenIdConnect"/> is set.</summary>
    public string ProviderName => OpenIdConnect?.DisplayName ?? OpenIdConnectSettings.DefaultDisplayName;
}

/// <summary>The municipality's identity provider; the handler runs the authorization code flow with PKCE.</summary>
/// <param name="UserNameClaim">The claim in the ID token that holds the Samordna user name of the member of staff.</param>
/// <param name="DisplayName">The provider's name on the sign-in button: "Logga in med {DisplayName}".</param>
/// <param name="Scopes">Scopes asked for besides openid and profile.</param>
public sealed record OpenIdConnectSettings(string Authority, string ClientId, string? ClientSecret, string UserNameClaim,
    string DisplayName, IReadOnlyList<string> Scopes)
{
    public const string Section = SignInSettings.Section + ":OpenIdConnect";
    public const string DefaultUserNameClaim = "preferred_username";
    public const string DefaultDisplayName = "kommunens inloggning";

    /// <summary>Null when no authority is set: OpenID Connect is then off.</summary>
    public static OpenIdConnectSettings? From(IConfigurationSection section, IHostEnvironment environment)
    {
        var authority = section["Authority"]?.Trim();
        if (string.IsNullOrEmpty(authority)) return null;
        if (!Uri.TryCreate(authority, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            throw new InvalidOperationException($"{Section}:Authority is '{authority}'; it must be the identity provider's absolute https address.");
        if (uri.Scheme == "http" && !environment.IsDevelopment())
            throw new InvalidOperationException(
                $"{Section}:Authority is '{authority}'; outside the Development environment the identity provider must be reached over https.");

        var clientId = section["ClientId"]?.Trim();
        if (string.IsNullOrEmpty(clientId))
            throw new InvalidOperationException(
                $"{Section}:Authority is set but {Section}:ClientId is missing; set the client id Samordna is registered with at the identity provider.");

        var secret = section["ClientSecret"];
        var claim = section["UserNameClaim"]?.Trim();
        var name = section["DisplayName"]?.Trim();
        var scopes = (section["Scopes"] ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Except(["openid", "profile"], StringComparer.Ordinal).Distinct(StringComparer.Ordinal).ToList();
        return new OpenIdConnectSettings(authority, clientId, string.IsNullOrEmpty(secret) ? null : secret,
            string.IsNullOrEmpty(claim) ? DefaultUserNameClaim : claim,
            string.IsNullOrEmpty(name) ? DefaultDisplayName : name,
            scopes);
    }
}
