using System.CommandLine;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Samordna.Core.Audit;
using Samordna.Data;
using Samordna.Data.Demo;

namespace Samordna.Cli;

/// <summary>
/// The <c>samordna</c> command: operator tasks that run beside the web host against the same database.
/// The database comes from the same settings as the host (environment variables
/// <c>Samordna__Database__Provider</c> and <c>ConnectionStrings__Samordna</c>) or from the options.
/// </summary>
public static class CliApp
{
    public static async Task<int> Run(string[] args, TextWriter output, TextWriter error)
    {
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
            await using var services = Services(parse.GetValue(provider), parse.GetValue(connection));
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SamordnaDbContext>();
            var role = parse.GetValue(applicationRole) ?? scope.ServiceProvider.GetRequiredService<DatabaseSettings>().ApplicationRole;
            if (role is not null && !db.Database.IsNpgsql())
            {
                error.WriteLine("samordna: an application role applies only to PostgreSQL (SQLite has no roles).");
                return 2;
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
                    return 1;
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
            await using var services = Services(parse.GetValue(provider), parse.GetValue(connection));
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SamordnaDbContext>();
            if ((await db.Database.GetPendingMigrationsAsync(ct)).Any())
            {
                error.WriteLine("The database is not migrated: run `samordna migrate` first.");
                return 2;
            }
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
                    error.WriteLine("--checkpoints needs the public key(s) they are signed by: --public-key <key file>.pub.");
                    return 2;
                }
                if (!folder.Exists)
                {
                    error.WriteLine($"The checkpoint folder {folder.FullName} does not exist.");
                    return 1;
                }
                var keys = new List<CheckpointVerifierKey>();
                foreach (var file in files)
                {
                    try { keys.Add(CheckpointVerifierKey.Load(file.FullName)); }
                    catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
                    {
                        error.WriteLine($"The public key {file.FullName} cannot be read: {e.Message}.");
                        return 2;
                    }
                }
                checkpoints = (new CheckpointDirectory(folder.FullName), keys);
            }

            await using var services = Services(parse.GetValue(provider), parse.GetValue(connection));
            await using var scope = services.CreateAsyncScope();
            // One snapshot for heads and entries: the web host's sequencer may seal more while this reads.
            var db = scope.ServiceProvider.GetRequiredService<SamordnaDbContext>();
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
            return report.Intact ? 0 : 1;
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
                error.WriteLine(e.Message);
                return 2;
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
                    return 1;
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
            var settings = new ConfigurationBuilder().AddEnvironmentVariables().Build()
                .GetSection(AuditCheckpointSettings.Section).Get<AuditCheckpointSettings>() ?? new();
            var keyFile = parse.GetValue(checkpointKey)?.FullName ?? settings.KeyFile;
            var folder = parse.GetValue(checkpointOut)?.FullName ?? settings.Directory;
            var witnessFolder = parse.GetValue(checkpointWitness)?.FullName ?? settings.WitnessDirectory;
            if (keyFile is null || folder is null)
            {
                error.WriteLine("Checkpoints need a key file and a folder: --key and --directory (or Samordna__Audit__Checkpoints__KeyFile and __Directory).");
                return 2;
            }
            CheckpointSigningKey key;
            try { key = CheckpointSigningKey.Load(keyFile); }
            catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"The key file {keyFile} cannot be read: {e.Message}.");
                return 2;
            }
            using (key)
            {
                await using var services = Services(parse.GetValue(provider), parse.GetValue(connection));
                await using var scope = services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<SamordnaDbContext>();
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
                return results.Any(r => r.Refused) ? 1 : 0;
            }
        });

        var audit = new Command("audit", "The audit log (loggen över läsning och ändring av personuppgifter).") { Subcommands = { verify, keygen, checkpoint } };

        var root = new RootCommand("samordna – operator commands for Samordna, the case-management platform for social " +
                                   "services' work against violence in close relationships.")
        {
            Subcommands = { migrate, seedDemo, audit },
            Options = { provider, connection },
        };

        var parse = root.Parse(args);
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        }
        catch (Exception e) when (e is InvalidOperationException or DbUpdateException or System.Data.Common.DbException)
        {
            error.WriteLine($"samordna: {e.Message}");
            return 1;
        }
    }

    private static ServiceProvider Services(DatabaseProvider? provider, string? connection)
    {
        var overrides = new Dictionary<string, string?>();
        if (provider is { } p) overrides["Samordna:Database:Provider"] = p.ToString();
        if (connection is not null) overrides["ConnectionStrings:Samordna"] = connection;
        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides)
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
}
