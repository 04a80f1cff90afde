using System.Text.Json;
using Npgsql;
using Samordna.Cli;
using Samordna.Data;
using Samordna.Web.Tests.Infrastructure;

namespace Samordna.Web.Tests.Settings;

/// <summary>
/// <c>samordna</c> reads the host's settings (appsettings.json in the content root, then the environment, then its
/// options), creates no database except with <c>migrate</c>, and says with its exit code whether the log was
/// found tampered with (1) or the command could not run at all (2).
/// </summary>
public abstract class CliSettingsTests(SamordnaApp app) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("samordna-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static async Task<(int Code, string Output, string Error)> Samordna(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliApp.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private void Settings(string provider, string connection) =>
        File.WriteAllText(Path.Combine(_folder, "appsettings.json"), JsonSerializer.Serialize(new
        {
            ConnectionStrings = new { Samordna = connection },
            Samordna = new { Database = new { Provider = provider } },
        }));

    [Fact]
    public async Task Audit_verify_reads_the_database_from_the_host_s_appsettings_in_the_content_root()
    {
        Settings(app.Provider.ToString(), app.ConnectionString);
        var (code, output, error) = await Samordna("audit", "verify", "--content-root", _folder);
        code.ShouldBe(CliApp.ExitCodes.Success, output + error);
        output.ShouldContain("The audit log is intact");

        // The control: the same command without the content root reads no settings here and finds no database.
        (await Samordna("audit", "verify", "--connection", $"Data Source={Path.Combine(_folder, "other.db")}")).Code
            .ShouldBe(CliApp.ExitCodes.CouldNotRun);
    }

    [Fact]
    public async Task A_missing_database_is_not_created_by_any_command_but_migrate()
    {
        var (connection, exists) = MissingDatabase();
        var key = Path.Combine(_folder, "checkpoint.key");
        (await Samordna("audit", "keygen", "--out", key)).Code.ShouldBe(CliApp.ExitCodes.Success);
        foreach (var command in new[] { new[] { "audit", "verify" }, ["seed-demo"], ["audit", "checkpoint", "--key", key, "--directory", _folder] })
        {
            var (code, output, error) = await Samordna([.. command, "--provider", app.Provider.ToString(), "--connection", connection]);
            code.ShouldBe(CliApp.ExitCodes.CouldNotRun, string.Join(' ', command) + output + error);
            (await exists()).ShouldBeFalse(string.Join(' ', command));
        }
        var verify = await Samordna("audit", "verify", "--provider", app.Provider.ToString(), "--connection", connection);
        verify.Error.Trim().Split('\n').Length.ShouldBe(1, verify.Error);
        verify.Error.ShouldContain("does not exist");
        verify.Error.ShouldNotContain("   at ");
        verify.Output.ShouldNotContain("intact");

        // The control: migrate creates it, and then verify runs on it.
        if (app.Provider == DatabaseProvider.Sqlite)
        {
            (await Samordna("migrate", "--provider", "Sqlite", "--connection", connection)).Code.ShouldBe(CliApp.ExitCodes.Success);
            (await exists()).ShouldBeTrue();
            var intact = await Samordna("audit", "verify", "--provider", "Sqlite", "--connection", connection);
            intact.Code.ShouldBe(CliApp.ExitCodes.Success, intact.Error);
            intact.Output.ShouldContain("intact: 0 entries");
        }
    }

    [Fact]
    public async Task An_invalid_setting_in_the_host_s_appsettings_is_one_line_and_could_not_run()
    {
        Settings("Oracle", app.ConnectionString);
        var (code, _, error) = await Samordna("audit", "verify", "--content-root", _folder);
        code.ShouldBe(CliApp.ExitCodes.CouldNotRun);
        error.Trim().ShouldBe("samordna: could not run: Samordna:Database:Provider = 'Oracle': must be Sqlite or PostgreSQL");
    }

    [Fact]
    public async Task A_mistyped_option_could_not_run_rather_than_fail_verification() =>
        (await Samordna("audit", "verify", "--checkpoint", _folder)).Code.ShouldBe(CliApp.ExitCodes.CouldNotRun);

    /// <summary>A database of this provider that is not there, and a way to ask whether it has come to be.</summary>
    private (string Connection, Func<Task<bool>> Exists) MissingDatabase()
    {
        if (app.Provider == DatabaseProvider.Sqlite)
        {
            var file = Path.Combine(_folder, "samordna.db");
            return ($"Data Source={file}", () => Task.FromResult(File.Exists(file)));
        }
        var name = $"samordna_missing_{Guid.NewGuid():N}";
        var owner = new NpgsqlConnectionStringBuilder(app.OwnerConnectionString);
        var missing = new NpgsqlConnectionStringBuilder(app.OwnerConnectionString) { Database = name, Pooling = false };
        return (missing.ConnectionString, async () =>
        {
            await using var connection = new NpgsqlConnection(owner.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT COUNT(*) FROM pg_database WHERE datname = $1", connection) { Parameters = { new() { Value = name } } };
            return (long)(await command.ExecuteScalarAsync())! > 0;
        });
    }
}

public sealed class CliSettingsOnSqlite(SqliteApp app) : CliSettingsTests(app), IClassFixture<SqliteApp>;

public sealed class CliSettingsOnPostgres(PostgresApp app) : CliSettingsTests(app), IClassFixture<PostgresApp>;

/// <summary><c>samordna audit verify</c> as the operator runs it beside the demo: its defaults, no options.</summary>
public sealed class CliOnTheDemoDefaultsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("samordna-demo-cli-").FullName;

    public CliOnTheDemoDefaultsTests() =>
        File.Copy(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), Path.Combine(_folder, "appsettings.json"));

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Audit_verify_without_options_says_which_database_it_could_not_open_and_creates_nothing()
    {
        var exit = await HostProcess.Run(HostProcess.Start(HostProcess.Cli, _folder, new Dictionary<string, string>(), "audit", "verify"),
            TimeSpan.FromSeconds(60));

        exit.Code.ShouldBe(CliApp.ExitCodes.CouldNotRun, exit.Output + exit.Error);
        exit.ErrorLines.ShouldBe([$"samordna: the SQLite database {Path.Combine(_folder, "samordna.db")} does not exist " +
            "(ConnectionStrings:Samordna, --connection or --content-root name the host's database; only `samordna migrate` creates one)."]);
        Directory.GetFileSystemEntries(_folder).Select(Path.GetFileName).ShouldBe(["appsettings.json"]);
    }
}
