using System.CommandLine;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Samordna.Core.Audit;
using Samordna.Data;
using Samordna.Data.Demo;

namespace Samordna.Cli;

/// <summary>
/// The <c>samordna</c> command: operator tasks that run beside the web host against the same database.
/// The settings are the host's, read the way the host reads them: <c>appsettings.json</c> and
/// <c>appsettings.{environment}.json</c> in the content root (<c>--content-root</c>, by default the current
/// directory, as for the host), then environment variables (<c>Samordna__Database__Provider</c>,
/// <c>ConnectionStrings__Samordna</c>, ...), then the options. Only <c>migrate</c> ever creates a database.
/// Exit codes: <see cref="ExitCodes"/>.
/// </summary>
public static class CliApp
{
    /// <summary>What the command's exit code says, so a script or a monitor can tell a tampered log from a failed run.</summary>
    public static class ExitCodes
    {
        /// <summary>Done; for <c>audit verify</c>: the log is intact.</summary>
        public const int Success = 0;

        /// <summary>The audit log does not verify (altered, inserted or deleted entries, or a checkpoint that does not hold).</summary>
        public const int VerificationFailed = 1;

        /// <summary>
        /// The command could not run: a missing or unmigrated database, one it cannot open, an invalid setting or option,
        /// a file it may not overwrite. Nothing was verified, so nothing is said about the log.
        /// </summary>
        public const int CouldNotRun = 2;
    }

    public static async Task<int> Run(string[] args, TextWriter output, TextWriter error)
    {
        var contentRoot = new Option<DirectoryInfo?>("--content-root")
        {
            Description = "The folder the web host runs in, whose appsettings.json (and appsettings.{DOTNET_ENVIRONMENT}.json) is read; " +
                          "by default the current directory, as for the host.",
            Recursive = true,
        };
        var provider = new Option<DatabaseProvider?>("--provider")
        {
            Description = "Database provider: Sqlite (default) or PostgreSQL. Overrides Samordna__Database__Provider.",
            Recursive = true,
        };
        var connection = new Option<string?>("--connection")
        {
            Description = "Connection string, e.g. \"Data Source=samordna.db\" or \"Host=…;Database=samordna;Username=…\". " +
                          "Overrides ConnectionStrings__Samordna.",
            Recursive = true,
        };

        var applicationRole = new Option<string?>("--application-role")
        {
            Description = "PostgreSQL: the login role the web host connects as; after migrating it is granted what the application " +
                          "needs and no more (the audit log only read and appended to). Overrides Samordna__Database__ApplicationRole.",
        };
        var migrate = new Command("migrate",
            "Create the database or bring it up to date by applying every migration that is missing, then (PostgreSQL) grant the " +
            "application role its privileges. Run it as the schema owner. Safe to run again.") { Options = { applicationRole } };
        migrate.SetAction(async (parse, ct) =>
        {
            await using var services = Services(Configuration(parse), mayCreate: true);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SamordnaDbContext>();
            var role = parse.GetValue(applicationRole) ?? scope.ServiceProvider.GetRequiredService<DatabaseSettings>().ApplicationRole;
            if (role is not null && !db.Database.IsNpgsql())
            {
                error.WriteLine("samordna: an application role applies only to PostgreSQL (SQLite has no roles).");
                return ExitCodes.CouldNotRun;
            }
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            await db.Database.MigrateAsync(ct);
            output.WriteLine(pending.Count == 0
                ? "The database is up to date."
                : $"Applied {pending.Count} migration(s): {string.Join(", ", pending)}.");
            if (role is not null)
            {
                try
                {
                    await ApplicationRolePrivileges.Grant(db, role, ct);
                }
                catch (InvalidOperationException e)
                {
                    error.WriteLine($"samordna: {e.Message}");
                    return ExitCodes.CouldNotRun;
                }
                output.WriteLine($"The application role '{role}' may read and write the tables of the work and only read and append to the audit log.");
            }
            else if (db.Database.IsNpgsql())
                output.WriteLine("No application role named (Samordna__Database__ApplicationRole or --application-role): no privileges granted.");
            return 0;
        });

        var seedDemo = new Command("seed-demo",
            "Fill the database with the demo municipality \"Åsby kommun (demo)\": units, one user per role and about " +
            "50 generated cases. Does nothing if the demo is already there. Never run it against production data.");
        seedDemo.SetAction(async (parse, ct) =>
        {
            await using var services = Services(Configuration(parse), mayCreate: false);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SamordnaDbContext>();
            if (await NotMigrated(db, error, ct)) return ExitCodes.CouldNotRun;
            var created = await scope.ServiceProvider.GetRequiredService<DemoMunicipality>().Seed(ct);
            output.WriteLine(created ? "Created the demo municipality." : "The demo municipality is already there.");
            output.WriteLine($"Demo logins (password for all: {DemoMunicipality.Password}):");
            foreach (var login in DemoMunicipality.Logins)
                output.WriteLine($"  {login.UserName,-8} {login.DisplayName} – {login.Role}, {login.Unit}");
            return 0;
        });

        var checkpointDirectory = new Option<DirectoryInfo?>("--checkpoints")
        {
            Description = "A folder of signed checkpoints (Samordna:Audit:Checkpoints:Directory or its witness copy): prove that the log " +
                          "each one signed is still the beginning of today's log, and name the first entry that differs.",
        };
        var publicKeys = new Option<FileInfo[]>("--public-key")
        {
            Description = "A public key file (<key file>.pub) checkpoints may be signed by; repeat it for keys used before a rotation.",
            AllowMultipleArgumentsPerToken = false,
        };
        var verify = new Command("verify",
            "Check the audit log's hash chains: every entry must match its hash, follow the one before it without gaps, " +
            "and the chain must end where it was last sealed; with --checkpoints, also that every signed checkpoint is a prefix " +
            "of the log. Names each altered, inserted or deleted entry and each checkpoint that does not verify; exit code 1 if any.")
        {
            Options = { checkpointDirectory, publicKeys },
        };
        verify.SetAction(async (parse, ct) =>
        {
            (CheckpointDirectory, IReadOnlyCollection<CheckpointVerifierKey>)? checkpoints = null;
            if (parse.GetValue(checkpointDirectory) is { } folder)
            {
                var files = parse.GetValue(publicKeys) ?? [];
                if (files.Length == 0)
                {
                    error.WriteLine("samordna: --checkpoints needs the public key(s) they are signed by: --public-key <key file>.pub.");
                    return ExitCodes.CouldNotRun;
                }
                if (!folder.Exists)
                {
                    error.WriteLine($"samordna: the checkpoint folder {folder.FullName} does not exist.");
                    return ExitCodes.CouldNotRun;
                }
                var keys = new List<CheckpointVerifierKey>();
                foreach (var file in files)
                {
                    try { keys.Add(CheckpointVerifierKey.Load(file.FullName)); }
                    catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
                    {
                        error.WriteLine($"samordna: the public key {file.FullName} cannot be read: {e.Message.TrimEnd('.')}.");
                        return ExitCodes.CouldNotRun;
                    }
                }
                checkpoints = (new CheckpointDirectory(folder.FullName), keys);
            }

            await using var services = Services(Configuration(parse), mayCreate: false);
            await using var scope = services.CreateAsyncScope();
            // One snapshot for heads and entries: the web host's sequencer may seal more while this reads.
            var db = scope.ServiceProvider.GetRequiredService<SamordnaDbContext>();
            if (await NotMigrated(db, error, ct)) return ExitCodes.CouldNotRun;
            await using var snapshot = db.Database.IsNpgsql()
                ? await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct)
                : await db.Database.BeginTransactionAsync(ct);
            // Progress on stderr, so the report on stdout stays the same however long the log is.
            var reported = 0L;
            var report = await scope.ServiceProvider.GetRequiredService<AuditVerification>().VerifyAll(ct, read =>
            {
                if (read / 100_000 > reported / 100_000) error.WriteLine($"… {read:N0} entries read");
                reported = read;
            }, checkpoints);
            foreach (var problem in report.Problems) output.WriteLine(problem);
            foreach (var problem in report.CheckpointProblems ?? []) output.WriteLine(problem);
            var proven = checkpoints is null ? "" : $", {report.Checkpoints} checkpoint(s) proven";
            output.WriteLine(report.Intact
                ? $"The audit log is intact: {report.Entries} entries in {report.Chains} chain(s){proven}" +
                  (report.Pending > 0 ? $"; {report.Pending} more wait for the sequencer." : ".")
                : $"The audit log has been tampered with: {report.Problems.Count + (report.CheckpointProblems?.Count ?? 0)} problem(s) in {report.Entries} entries.");
            return report.Intact ? ExitCodes.Success : ExitCodes.VerificationFailed;
        });

        var keyOut = new Option<FileInfo>("--out") { Description = "The private key file to create (never overwritten); the public key goes to <file>.pub.", Required = true };
        var keyName = new Option<string>("--name") { Description = "The key's name in signature lines.", DefaultValueFactory = _ => "samordna-audit" };
        var keygen = new Command("keygen",
            "Make an Ed25519 key for signing audit checkpoints: the private key file (readable by its owner only) for " +
            "Samordna:Audit:Checkpoints:KeyFile, and <file>.pub for whoever verifies. Keep the private key off the database server.")
        {
            Options = { keyOut, keyName },
        };
        keygen.SetAction(parse =>
        {
            var file = parse.GetValue(keyOut)!;
            CheckpointSigningKey key;
            try { key = CheckpointSigningKey.Generate(parse.GetValue(keyName)!); }
            catch (ArgumentException e)
            {
                error.WriteLine($"samordna: {e.Message}");
                return ExitCodes.CouldNotRun;
            }
            using (key)
            {
                try
                {
                    // Created with its final mode: a key that was readable by others for a moment may already be copied.
                    var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                    if (!OperatingSystem.IsWindows()) create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                    using (var stream = new FileStream(file.FullName, create))
                    using (var writer = new StreamWriter(stream)) writer.Write(key + "\n");
                    File.WriteAllText(file.FullName + ".pub", key.Public + "\n");
                }
                catch (IOException e)
                {
                    error.WriteLine($"samordna: {e.Message} (a key file is never overwritten).");
                    return ExitCodes.CouldNotRun;
                }
            }
            output.WriteLine($"Wrote the private key {file.FullName} (mode 0600) and the public key {file.FullName}.pub.");
            return 0;
        });

        var checkpointKey = new Option<FileInfo?>("--key") { Description = "The private key file. Overrides Samordna__Audit__Checkpoints__KeyFile." };
        var checkpointOut = new Option<DirectoryInfo?>("--directory") { Description = "The checkpoint folder. Overrides Samordna__Audit__Checkpoints__Directory." };
        var checkpointWitness = new Option<DirectoryInfo?>("--witness-directory") { Description = "A second folder for the same files. Overrides Samordna__Audit__Checkpoints__WitnessDirectory." };
        var checkpoint = new Command("checkpoint",
            "Write a signed checkpoint for every municipality whose log grew, after checking the log against the earlier ones; " +
            "writes nothing for a log that does not verify (exit code 1).")
        {
            Options = { checkpointKey, checkpointOut, checkpointWitness },
        };
        checkpoint.SetAction(async (parse, ct) =>
        {
            var configuration = Configuration(parse);
            var settings = configuration.GetSection(AuditCheckpointSettings.Section).Get<AuditCheckpointSettings>() ?? new();
            var keyFile = parse.GetValue(checkpointKey)?.FullName ?? settings.KeyFile;
            var folder = parse.GetValue(checkpointOut)?.FullName ?? settings.Directory;
            var witnessFolder = parse.GetValue(checkpointWitness)?.FullName ?? settings.WitnessDirectory;
            if (keyFile is null || folder is null)
            {
                error.WriteLine("samordna: checkpoints need a key file and a folder: --key and --directory (or Samordna:Audit:Checkpoints:KeyFile and :Directory).");
                return ExitCodes.CouldNotRun;
            }
            CheckpointSigningKey key;
            try { key = CheckpointSigningKey.Load(keyFile); }
            catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"samordna: the key file {keyFile} cannot be read: {e.Message.TrimEnd('.')}.");
                return ExitCodes.CouldNotRun;
            }
            using (key)
            {
                await using var services = Services(configuration, mayCreate: false);
                await using var scope = services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<SamordnaDbContext>();
                if (await NotMigrated(db, error, ct)) return ExitCodes.CouldNotRun;
                // What is stored is signed: entries still waiting for the web host's sequencer are sealed first.
                await AuditSealing.SealPending(db, null, ct);
                var writer = new AuditCheckpointWriter(db, key,
                    new CheckpointDirectory(folder), witnessFolder is null ? null : new CheckpointDirectory(witnessFolder));
                var results = await writer.WriteAll(ct);
                if (results.Count == 0) output.WriteLine("The audit log has no entries yet; nothing to checkpoint.");
                foreach (var result in results)
                {
                    foreach (var problem in result.Problems) output.WriteLine($"organisation {result.OrganisationId}: {problem}");
                    output.WriteLine(result.File is { } written ? $"organisation {result.OrganisationId}: checkpoint at {result.Size} written to {written}"
                        : result.Refused ? $"organisation {result.OrganisationId}: no checkpoint written, the log does not verify"
                        : $"organisation {result.OrganisationId}: unchanged since the checkpoint at {result.Size}");
                }
                return results.Any(r => r.Refused) ? ExitCodes.VerificationFailed : ExitCodes.Success;
            }
        });

        var audit = new Command("audit", "The audit log (loggen över läsning och ändring av personuppgifter).") { Subcommands = { verify, keygen, checkpoint } };

        var root = new RootCommand("samordna – operator commands for Samordna, the case-management platform for social " +
                                   "services' work against violence in close relationships.")
        {
            Subcommands = { migrate, seedDemo, audit },
            Options = { provider, connection, contentRoot },
        };

        // The host's settings, read as the host reads them, with the options last.
        IConfiguration Configuration(ParseResult parse)
        {
            var folder = parse.GetValue(contentRoot)?.FullName ?? Directory.GetCurrentDirectory();
            if (!Directory.Exists(folder)) throw new CommandCannotRun($"the content root {folder} does not exist.");
            var environment = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
                              ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? "Production";
            var overrides = new Dictionary<string, string?>();
            if (parse.GetValue(provider) is { } p) overrides["Samordna:Database:Provider"] = p.ToString();
            if (parse.GetValue(connection) is { } c) overrides["ConnectionStrings:Samordna"] = c;
            try
            {
                return new ConfigurationBuilder()
                    .SetBasePath(folder)
                    .AddJsonFile("appsettings.json", optional: true)
                    .AddJsonFile($"appsettings.{environment}.json", optional: true)
                    .AddEnvironmentVariables()
                    .AddInMemoryCollection(overrides)
                    .Build();
            }
            catch (InvalidDataException e)
            {
                throw new CommandCannotRun($"the settings in {folder} cannot be read: {e.Message}");
            }
        }

        var parse = root.Parse(args);
        try
        {
            // Our own handler below, not System.CommandLine's, which prints a stack trace.
            var code = await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
            // A mistyped option or verb: System.CommandLine has said what is wrong; nothing ran.
            return parse.Errors.Count > 0 ? ExitCodes.CouldNotRun : code;
        }
        catch (CommandCannotRun e)
        {
            error.WriteLine($"samordna: {e.Message}");
            return ExitCodes.CouldNotRun;
        }
        catch (Exception e) when (e is InvalidOperationException or DbUpdateException or System.Data.Common.DbException)
        {
            // One line: the database or setting that failed, not a stack trace (nothing was verified).
            error.WriteLine($"samordna: could not run: {string.Join(' ', e.Message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries))}");
            return ExitCodes.CouldNotRun;
        }
    }

    /// <summary>The command cannot do its work; the message says what it could not open or use.</summary>
    private sealed class CommandCannotRun(string message) : Exception(message);

    private static async Task<bool> NotMigrated(SamordnaDbContext db, TextWriter error, CancellationToken ct)
    {
        // Asked first, so a wrong database name is not reported as one that only lacks its tables.
        if (!await db.GetService<IRelationalDatabaseCreator>().ExistsAsync(ct))
        {
            error.WriteLine($"samordna: the database {Describe(db)} does not exist; only `samordna migrate` creates one.");
            return true;
        }
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count == 0) return false;
        error.WriteLine($"samordna: the database {Describe(db)} is not migrated ({pending.Count} migration(s) missing): run `samordna migrate` first.");
        return true;
    }

    private static string Describe(SamordnaDbContext db) =>
        db.Database.IsSqlite()
            ? Path.GetFullPath(new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource)
            : $"'{new Npgsql.NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()).Database}' on the PostgreSQL server";

    /// <param name="mayCreate">
    /// Only <c>migrate</c> creates a database. Every other command opens an SQLite file that must already be there
    /// (a wrong path would otherwise leave an empty database behind and report on it), and on PostgreSQL nothing
    /// but <c>migrate</c> creates anything.
    /// </param>
    private static ServiceProvider Services(IConfiguration configuration, bool mayCreate)
    {
        var database = DatabaseSettings.From(configuration);
        if (database.Provider == DatabaseProvider.Sqlite && !mayCreate)
            configuration = new ConfigurationBuilder().AddConfiguration(configuration)
                .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Samordna"] = Existing(database.ConnectionString) })
                .Build();

        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning));
        services.AddSingleton(TimeProvider.System);
        services.AddSamordnaData(configuration);
        services.AddStaffAccountStore();
        services.AddScoped<DemoMunicipality>();
        services.AddScoped<AuditVerification>();
        return services.BuildServiceProvider();
    }

    /// <summary>The SQLite connection string opened without creating: the file must exist.</summary>
    private static string Existing(string connectionString)
    {
        SqliteConnectionStringBuilder sqlite;
        try { sqlite = new SqliteConnectionStringBuilder(connectionString); }
        catch (ArgumentException e) { throw new CommandCannotRun($"ConnectionStrings:Samordna is not an SQLite connection string: {e.Message}"); }
        if (sqlite.Mode == SqliteOpenMode.Memory || sqlite.DataSource is "" or ":memory:") return connectionString;
        var file = Path.GetFullPath(sqlite.DataSource);
        if (!File.Exists(file))
            throw new CommandCannotRun($"the SQLite database {file} does not exist (ConnectionStrings:Samordna, --connection or --content-root " +
                                       "name the host's database; only `samordna migrate` creates one).");
        if (sqlite.Mode == SqliteOpenMode.ReadWriteCreate) sqlite.Mode = SqliteOpenMode.ReadWrite;
        return sqlite.ToString();
    }
}
