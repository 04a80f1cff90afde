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
/// <param name="UserNameClaim">The claim (from the ID token or userinfo) that holds the Samordna user name; used only to link an account the first time.</param>
/// <param name="DisplayName">The provider's name on the sign-in button: "Logga in med {DisplayName}".</param>
/// <param name="Scopes">Scopes asked for besides openid and profile.</param>
public sealed record OpenIdConnectSettings(string Authority, string ClientId, string? ClientSecret, string UserNameClaim,
    string DisplayName, IReadOnlyList<string> Scopes)
{
    public const string Section = SignInSettings.Section + ":OpenIdConnect";
    public const string DefaultUserNameClaim = "preferred_username";
    public const string DefaultDisplayName = "kommunens inloggning";

    /// <summary>
    /// Whether an account without a binding to the provider may be linked, once, by the user name the provider
    /// sends (<see cref="UserNameClaim"/>); after that only issuer and subject count. Off: a systemförvaltare
    /// sets every binding (staff administration).
    /// </summary>
    public bool LinkByUserName { get; init; } = true;

    /// <summary><c>prompt</c> sent with every sign-in, e.g. <c>login</c>: the provider asks again even when it has a session (shared workstations).</summary>
    public string? Prompt { get; init; }

    /// <summary><c>max_age</c>: the provider asks again when its sign-in is older than this.</summary>
    public TimeSpan? MaxAge { get; init; }

    /// <summary>
    /// Tillitsnivå: the assurance levels (<c>acr</c>) accepted, e.g. a SITHS or BankID level; sent as
    /// <c>acr_values</c>, and a sign-in whose ID token carries another (or no) <c>acr</c> is refused. Empty: not asked for.
    /// </summary>
    public IReadOnlyList<string> RequiredAssurance { get; init; } = [];

    /// <summary>
    /// A PEM file with the certificate authority the provider's TLS certificate is issued by, for a provider
    /// under the municipality's own CA: the back channel (discovery, keys, tokens, userinfo) then trusts that
    /// CA only. Unset: the machine's trusted roots.
    /// </summary>
    public string? CertificateAuthorityFile { get; init; }

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
        var scopes = Words(section["Scopes"]).Except(["openid", "profile"], StringComparer.Ordinal).ToList();

        var linkText = section["LinkByUserName"]?.Trim();
        var link = true;
        if (!string.IsNullOrEmpty(linkText) && !bool.TryParse(linkText, out link))
            throw new InvalidOperationException($"{Section}:LinkByUserName is '{linkText}'; use true or false.");

        var prompt = section["Prompt"]?.Trim();
        if (string.IsNullOrEmpty(prompt)) prompt = null;
        else if (Words(prompt).Except(["none", "login", "consent", "select_account"], StringComparer.Ordinal).Any()
                 || Words(prompt).Contains("none") && Words(prompt).Count > 1)
            throw new InvalidOperationException(
                $"{Section}:Prompt is '{prompt}'; use login (ask every time), select_account or consent, space-separated, or leave it unset.");

        var maxAgeText = section["MaxAgeMinutes"]?.Trim();
        TimeSpan? maxAge = null;
        if (!string.IsNullOrEmpty(maxAgeText))
        {
            if (!int.TryParse(maxAgeText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var minutes)
                || minutes > 7 * 24 * 60)
                throw new InvalidOperationException(
                    $"{Section}:MaxAgeMinutes is '{maxAgeText}'; use a whole number of minutes from 0 (ask every time) to 10080, or leave it unset.");
            maxAge = TimeSpan.FromMinutes(minutes);
        }

        var caFile = section["CertificateAuthorityFile"]?.Trim();
        if (string.IsNullOrEmpty(caFile)) caFile = null;
        else if (!File.Exists(caFile))
            throw new InvalidOperationException($"{Section}:CertificateAuthorityFile is '{caFile}', which cannot be read; name the PEM file of the provider's CA.");

        return new OpenIdConnectSettings(authority, clientId, string.IsNullOrEmpty(secret) ? null : secret,
            string.IsNullOrEmpty(claim) ? DefaultUserNameClaim : claim,
            string.IsNullOrEmpty(name) ? DefaultDisplayName : name,
            scopes)
        {
            LinkByUserName = link,
            Prompt = prompt,
            MaxAge = maxAge,
            RequiredAssurance = Words(section["RequiredAssurance"]),
            CertificateAuthorityFile = caFile,
        };
    }

    private static List<string> Words(string? text) =>
        (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();
}
