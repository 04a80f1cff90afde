using System.Data.Common;
using System.Reflection;
using Microsoft.Extensions.Options;
using Samordna.Core;
using Samordna.Core.Access;
using Samordna.Core.Audit;
using Samordna.Core.Deadlines;
using Samordna.Core.Handovers;
using Samordna.Core.OpenTalks;
using Samordna.Core.Perpetrators;
using Samordna.Core.Staff;
using Samordna.Data;
using Samordna.Web.Access;
using Samordna.Web.Audit;

namespace Samordna.Web.Settings;

/// <summary>
/// Every setting the host reads, read and checked once before anything else is built: a wrong value stops the
/// host at start with one line naming the setting, the value and what is allowed
/// (<c>Samordna:OpenTalks:TalkLimit = 51: must be between 1 and 50</c>) and exit code
/// <see cref="InvalidSettingsExitCode"/>, instead of starting and failing the first request that needs it. The
/// options are also registered with <c>ValidateOnStart</c>, so a value configured later in code is held to the
/// same rules when the host starts.
/// </summary>
public static class SettingsRegistration
{
    /// <summary>EX_CONFIG of sysexits(3): the host was not started because of its configuration.</summary>
    public const int InvalidSettingsExitCode = 78;

    /// <summary>
    /// Reads, checks and registers the settings. In the host's own process an invalid one ends it here, with one line on
    /// standard error; embedded in another process (the test host) the <see cref="InvalidSettingException"/> is thrown
    /// to the caller instead, since the process is not ours to end.
    /// </summary>
    public static HostSettings AddSamordnaSettings(this WebApplicationBuilder builder)
    {
        try
        {
            return Register(builder.Services, builder.Configuration, builder.Environment);
        }
        catch (InvalidSettingException e) when (OwnProcess)
        {
            ExitWith(e.Message);
            throw; // not reached: the process has ended
        }
    }

    /// <summary>
    /// Runs the host; a setting refused by <c>ValidateOnStart</c> (one configured in code after
    /// <see cref="AddSamordnaSettings"/> read the rest) ends it with one line, like any other invalid setting.
    /// </summary>
    public static void RunSamordna(this WebApplication app)
    {
        try
        {
            app.Run();
        }
        catch (OptionsValidationException e) when (OwnProcess)
        {
            ExitWith(string.Join("; ", e.Failures));
        }
    }

    private static HostSettings Register(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        // The database first: nothing works without it, and AddSamordnaData reads it again the same way.
        CheckDatabase(configuration);

        Add<OpenTalkSettings>(services, configuration, OpenTalkSettings.Section);
        Add<WaitingListSettings>(services, configuration, WaitingListSettings.Section);
        Add<StaffSettings>(services, configuration, StaffSettings.Section);
        Add<AccessSettings>(services, configuration, AccessSettings.Section);
        Add<PerpetratorRouteSettings>(services, configuration, PerpetratorRouteSettings.Section);
        Add<AuditSequencingSettings>(services, configuration, AuditSequencingSettings.Section);
        Add<AuditCheckpointSettings>(services, configuration, AuditCheckpointSettings.Section);
        var api = Add<Samordna.Web.Problems.ApiSettings>(services, configuration, Samordna.Web.Problems.ApiSettings.Section);
        var rateLimits = Add<Samordna.Web.Security.SignInRateLimitSettings>(services, configuration, Samordna.Web.Security.SignInRateLimitSettings.Section);

        // The deadline rules in force: the defaults per statute version with this municipality's settings.
        services.AddSingleton(DeadlineRules(configuration));

        // Settings read by factories that refuse a wrong value with a sentence: read once, here, so the refusal ends
        // the host like every other setting, and handed to the wiring in Program.cs (HostSettings).
        var signIn = Sentence(() => SignInSettings.From(configuration, environment));
        CheckIdleTimeout(configuration);
        var forwardedHeaders = Sentence(() => ForwardedHeadersSettings.From(configuration));
        var transport = Sentence(() => Samordna.Web.Security.TransportSecurity.From(configuration, environment));
        var openApiBase = new Samordna.Web.OpenApi.PublicBaseUrl(Sentence(() =>
            Samordna.Web.OpenApi.PublicBaseUrl.From(configuration[Samordna.Web.OpenApi.OpenApiDescription.PublicBaseUrlSetting])));

        // Signed checkpoints of the audit log, outside the database (an unreadable key stops the host in
        // Production; none configured is a warning).
        using (var startupLog = LoggerFactory.Create(logging => logging.AddConfiguration(configuration.GetSection("Logging")).AddConsole()))
        {
            var checkpoints = Sentence(() => AuditCheckpointService.From(configuration, environment, startupLog.CreateLogger<AuditCheckpointService>()));
            services.AddSingleton(checkpoints);
        }
        services.AddSingleton<AuditCheckpointService>();
        services.AddHostedService(provider => provider.GetRequiredService<AuditCheckpointService>());
        return new HostSettings(signIn, forwardedHeaders, transport, openApiBase, api, rateLimits);
    }

    private static T Add<T>(IServiceCollection services, IConfiguration configuration, string section) where T : class, new()
    {
        var settings = SettingSection.Read<T>(configuration, section);
        services.AddOptions<T>().Bind(configuration.GetSection(section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<T>>(new SettingValidation<T>(section));
        return settings;
    }

    private static DeadlineRuleSet DeadlineRules(IConfiguration configuration)
    {
        var section = configuration.GetSection(DeadlineSettings.Section);
        foreach (var child in section.GetChildren().Where(c => c.Key != nameof(DeadlineSettings.Rules)))
            throw new InvalidSettingException(child.Path, null, $"is not a setting; {DeadlineSettings.Section} has {nameof(DeadlineSettings.Rules)}");
        foreach (var rule in section.GetSection(nameof(DeadlineSettings.Rules)).GetChildren())
            SettingSection.CheckKeysAndTypes(rule, typeof(DeadlineRuleOverride));
        return (section.Get<DeadlineSettings>() ?? new()).Apply(DefaultDeadlineRules.Rules);
    }

    private static void CheckDatabase(IConfiguration configuration)
    {
        // Sections and keys read one by one rather than bound to a settings class: a key not among them is a typo.
        KnownKeys(configuration.GetSection("Samordna"), "Access", "Api", "Audit", "Database", "Deadlines", "ForwardedHeaders",
            "OpenApi", "OpenTalks", "Perpetrators", "SignIn", "Staff", "WaitingList");
        KnownKeys(configuration.GetSection("Samordna:Database"), "ApplicationRole", "Provider");
        KnownKeys(configuration.GetSection("Samordna:Audit"), "Checkpoints", "Sequencing");
        KnownKeys(configuration.GetSection("Samordna:OpenApi"), "PublicBaseUrl");
        KnownKeys(configuration.GetSection("Samordna:ForwardedHeaders"), "KnownNetworks", "KnownProxies");
        KnownKeys(configuration.GetSection(SignInSettings.Section), "AllowInsecureHttp", "IdleTimeoutMinutes", "LocalAccounts", "OpenIdConnect", "RateLimit");
        KnownKeys(configuration.GetSection(SignInSettings.Section + ":OpenIdConnect"), "Authority", "CertificateAuthorityFile", "ClientId",
            "ClientSecret", "DisplayName", "LinkByUserName", "MaxAgeMinutes", "Prompt", "RequiredAssurance", "Scopes", "UserNameClaim");
        var database = Sentence(() => DatabaseSettings.From(configuration));
        try
        {
            DbConnectionStringBuilder parsed = database.Provider == DatabaseProvider.PostgreSQL
                ? new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString)
                : new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.ConnectionString);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
        {
            // The message, never the string: it may hold a password.
            throw new InvalidSettingException("ConnectionStrings:Samordna", null,
                $"is not a {database.Provider} connection string ({e.Message.TrimEnd('.')})");
        }
    }

    /// <summary>A section read key by key rather than bound: a key it does not have is a typo, refused like one.</summary>
    private static void KnownKeys(IConfigurationSection section, params string[] keys)
    {
        foreach (var child in section.GetChildren())
            if (!keys.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
                throw new InvalidSettingException(child.Path, null, $"is not a setting; {section.Path} has {string.Join(", ", keys)}");
    }

    private static void CheckIdleTimeout(IConfiguration configuration)
    {
        const string key = SignInSettings.Section + ":IdleTimeoutMinutes";
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text)) return;
        if (!int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var minutes)
            || minutes is < 1 or > 1440)
            throw new InvalidSettingException(key, $"'{text}'", "must be a whole number of minutes between 1 and 1440");
    }

    /// <summary>A factory that already refuses with a sentence naming the setting: the same sentence, as the one line.</summary>
    private static T Sentence<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (InvalidOperationException e) when (e is not InvalidSettingException)
        {
            throw new InvalidSettingException(e.Message, e);
        }
    }

    /// <summary>The host's own process (run as Samordna.Web), not a test host or another program embedding it.</summary>
    private static bool OwnProcess => Assembly.GetEntryAssembly() == typeof(SettingsRegistration).Assembly;

    private static void ExitWith(string message)
    {
        Console.Error.WriteLine($"Samordna did not start: {message}");
        Console.Error.Flush();
        Environment.Exit(InvalidSettingsExitCode);
    }
}

/// <summary>The settings the host's wiring needs while it is being built, each read and checked once at start.</summary>
public sealed record HostSettings(SignInSettings SignIn, ForwardedHeadersSettings ForwardedHeaders,
    Samordna.Web.Security.TransportSecurity Transport, Samordna.Web.OpenApi.PublicBaseUrl OpenApiBase,
    Samordna.Web.Problems.ApiSettings Api, Samordna.Web.Security.SignInRateLimitSettings RateLimits);
