using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Samordna.Core.OpenTalks;
using Samordna.Web.Settings;

namespace Samordna.Web.Tests.Settings;

/// <summary>
/// The built host, started as the operator starts it (<c>dotnet Samordna.Web.dll</c> with environment variables):
/// every invalid setting ends it at start with exit code 78 and one line on standard error naming the setting,
/// before it opens the database. No database is involved, so this runs once rather than once per provider.
/// </summary>
public sealed class HostSettingsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("samordna-settings-").FullName;

    public HostSettingsTests() =>
        File.Copy(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), Path.Combine(_folder, "appsettings.json"));

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string, string, string> Invalid => new()
    {
        { "Samordna__OpenTalks__TalkLimit", "51", "Samordna:OpenTalks:TalkLimit = 51: must be between 1 and 50" },
        { "Samordna__OpenTalks__TalkLimit", "many", "Samordna:OpenTalks:TalkLimit = 'many': must be a whole number between 1 and 50" },
        { "Samordna__OpenTalks__TalkLimit", "", "Samordna:OpenTalks:TalkLimit = '': must be a whole number between 1 and 50; leave it out for the default" },
        { "Samordna__Access__EmergencyAccessHours", "4,5", "Samordna:Access:EmergencyAccessHours = '4,5': must be a number (with a decimal point, e.g. 0.5) between 0.25 and 24 (hours)" },
        { "Samordna__OpenTalks__TalkLimt", "5", "Samordna:OpenTalks:TalkLimt: is not a setting; Samordna:OpenTalks has TalkLimit" },
        { "Samordna__WaitingList__AlertAfterDays", "0", "Samordna:WaitingList:AlertAfterDays = 0: must be between 1 and 730 (days)" },
        { "Samordna__Access__EmergencyAccessHours", "-1", "Samordna:Access:EmergencyAccessHours = -1: must be between 0.25 and 24 (hours)" },
        { "Samordna__Perpetrators__RecontactAfterDays", "1000", "Samordna:Perpetrators:RecontactAfterDays = 1000: must be between 1 and 365 (days)" },
        { "Samordna__Staff__RequireSecondApprover", "ja", "Samordna:Staff:RequireSecondApprover = 'ja': must be true or false" },
        { "Samordna__Audit__Sequencing__MaxLagSeconds", "0", "Samordna:Audit:Sequencing:MaxLagSeconds = 0: must be between 1 and 86400 (seconds)" },
        { "Samordna__Audit__Checkpoints__IntervalMinutes", "0", "Samordna:Audit:Checkpoints:IntervalMinutes = 0: must be between 1 and 1440 (minutes)" },
        { "Samordna__Deadlines__Rules__child.protection__CutOff", "15:00", "Samordna:Deadlines:Rules:child.protection: is not a deadline rule; the rules are " +
            "adult.investigation-start, child.investigation, child.preliminary-assessment, child.protection-assessment" },
        { "Samordna__Deadlines__Rules__child.protection-assessment__MovesToWorkingDay", "true",
            "Samordna:Deadlines:Rules:child.protection-assessment:MovesToWorkingDay = true: must be false" },
        { "Samordna__Deadlines__Rules__child.protection-assessment__CutOff", "25:00",
            "Samordna:Deadlines:Rules:child.protection-assessment:CutOff = '25:00': must be a time of day such as 16:00" },
        { "Samordna__SignIn__IdleTimeoutMinutes", "0", "Samordna:SignIn:IdleTimeoutMinutes = '0': must be a whole number of minutes between 1 and 1440" },
        { "Samordna__SignIn__LocalAccounts", "false", "Samordna:SignIn:LocalAccounts is false and OpenID Connect is not configured, so nobody could sign in." },
        { "Samordna__Database__Role", "samordna_app", "Samordna:Database:Role: is not a setting; Samordna:Database has ApplicationRole, Provider" },
        { "Samordna__ForwardedHeaders__KnownProxies", "proxy.asby.se", "Samordna:ForwardedHeaders:KnownProxies has 'proxy.asby.se', which is not an IP address" },
        { "Samordna__Database__Provider", "Oracle", "Samordna:Database:Provider = 'Oracle': must be Sqlite or PostgreSQL" },
        { "ConnectionStrings__Samordna", "Data Source=samordna.db;Pasword=x", "ConnectionStrings:Samordna: is not a Sqlite connection string" },
        { "Samordna__OpenTalk__TalkLimit", "5", "Samordna:OpenTalk: is not a setting; Samordna has Access, Api, Audit" },
        { "Samordna__Api__MaxRequestBodyBytes", "10", "Samordna:Api:MaxRequestBodyBytes = 10: must be at least 1024 (bytes)" },
        { "Samordna__Api__MaxBody", "1", "Samordna:Api:MaxBody: is not a setting; Samordna:Api has MaxRequestBodyBytes" },
        { "Samordna__OpenApi__PublicBaseUrl", "ftp://samordna", "Samordna:OpenApi:PublicBaseUrl must be an absolute http(s) address" },
        { "Samordna__SignIn__RateLimit__PerClient__Permits", "0", "Samordna:SignIn:RateLimit:PerClient:Permits = 0: must be between 1 and 1000000 (attempts)" },
        { "Samordna__SignIn__RateLimit__PerAcount__Permits", "5", "Samordna:SignIn:RateLimit:PerAcount: is not a setting; Samordna:SignIn:RateLimit has PerAccount, PerClient" },
        { "Samordna__SignIn__AllowInsecureHttp", "yes", "Samordna:SignIn:AllowInsecureHttp is 'yes'; use true or false." },
        { "Samordna__SignIn__OpenIdConnect__Promt", "login", "Samordna:SignIn:OpenIdConnect:Promt: is not a setting" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task An_invalid_setting_stops_the_host_at_start_with_one_line_naming_it(string variable, string value, string line)
    {
        var exit = await HostProcess.Run(Host(new() { [variable] = value }), TimeSpan.FromSeconds(30));

        exit.Code.ShouldBe(SettingsRegistration.InvalidSettingsExitCode, exit.Output + exit.Error);
        exit.ErrorLines.Length.ShouldBe(1, exit.Error);
        exit.ErrorLines[0].ShouldStartWith($"Samordna did not start: {line}");
        (exit.Output + exit.Error).ShouldNotContain("   at ");
        // It stopped before the database: nothing was created where it ran.
        Directory.GetFileSystemEntries(_folder).Select(Path.GetFileName).ShouldBe(["appsettings.json"]);
    }

    [Fact]
    public async Task PostgreSQL_without_a_connection_string_stops_the_host_with_one_line()
    {
        var exit = await HostProcess.Run(Host(new() { ["Samordna__Database__Provider"] = "PostgreSQL", ["ConnectionStrings__Samordna"] = "" }),
            TimeSpan.FromSeconds(30));
        exit.Code.ShouldBe(SettingsRegistration.InvalidSettingsExitCode, exit.Output + exit.Error);
        exit.ErrorLines.ShouldBe(["Samordna did not start: ConnectionStrings:Samordna: must be set when the provider is PostgreSQL"]);
    }

    /// <summary>The control: the same start with valid settings runs until it is stopped, so the refusals above are the settings'.</summary>
    [Fact]
    public async Task With_valid_settings_the_same_host_starts_and_listens()
    {
        var database = Path.Combine(_folder, "samordna.db");
        var (listening, output) = await HostProcess.RunUntil(Host(new()
        {
            ["ConnectionStrings__Samordna"] = $"Data Source={database}",
            ["Samordna__OpenTalks__TalkLimit"] = "50",
            ["Samordna__Deadlines__Rules__child.preliminary-assessment__MovesToWorkingDay"] = "true",
        }), "Now listening on", TimeSpan.FromSeconds(60));
        listening.ShouldBeTrue(output);
    }

    [Fact]
    public void A_value_set_in_code_after_the_settings_were_read_is_held_to_the_same_rules_when_the_host_starts()
    {
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("ConnectionStrings:Samordna", $"Data Source={Path.Combine(_folder, "samordna.db")}");
            builder.ConfigureServices(services => services.Configure<OpenTalkSettings>(settings => settings.TalkLimit = 51));
        });
        Should.Throw<OptionsValidationException>(() => factory.CreateClient())
            .Message.ShouldBe("Samordna:OpenTalks:TalkLimit = 51: must be between 1 and 50");
    }

    private System.Diagnostics.ProcessStartInfo Host(Dictionary<string, string> environment) =>
        HostProcess.Start(HostProcess.WebHost, _folder, new Dictionary<string, string>(environment) { ["ASPNETCORE_ENVIRONMENT"] = "Production" },
            "--contentRoot", _folder, "--urls", "http://127.0.0.1:0");
}
