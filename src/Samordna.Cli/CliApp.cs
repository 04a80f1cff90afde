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

        var verify = new Command("verify",
            "Check the audit log's hash chains: every entry must match its hash, follow the one before it without gaps, " +
            "and the chain must end where it was last sealed. Names each altered, inserted or deleted entry; exit code 1 if any.");
        verify.SetAction(async (parse, ct) =>
        {
            await using var services = Services(parse.GetValue(provider), parse.GetValue(connection));
            await using var scope = services.CreateAsyncScope();
            // One snapshot for heads and entries: the web host's sequencer may seal more while this reads.
            var db = scope.ServiceProvider.GetRequiredService<SamordnaDbContext>();
            await using var snapshot = db.Database.IsNpgsql()
                ? await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct)
                : await db.Database.BeginTransactionAsync(ct);
            var report = await scope.ServiceProvider.GetRequiredService<AuditVerification>().VerifyAll(ct);
            foreach (var problem in report.Problems) output.WriteLine(problem);
            output.WriteLine(report.Intact
                ? $"The audit log is intact: {report.Entries} entries in {report.Chains} chain(s)" +
                  (report.Pending > 0 ? $"; {report.Pending} more wait for the sequencer." : ".")
                : $"The audit log has been tampered with: {report.Problems.Count} problem(s) in {report.Entries} entries.");
            return report.Intact ? 0 : 1;
        });
        var audit = new Command("audit", "The audit log (loggen över läsning och ändring av personuppgifter).") { Subcommands = { verify } };

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
