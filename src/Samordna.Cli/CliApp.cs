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

        var migrate = new Command("migrate",
            "Create the database or bring it up to date by applying every migration that is missing. Safe to run again.");
        migrate.SetAction(async (parse, ct) =>
        {
            await using var services = Services(parse.GetValue(provider), parse.GetValue(connection));
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SamordnaDbContext>();
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            await db.Database.MigrateAsync(ct);
            output.WriteLine(pending.Count == 0
                ? "The database is up to date."
                : $"Applied {pending.Count} migration(s): {string.Join(", ", pending)}.");
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
            // Progress on stderr, so the report on stdout stays the same however long the log is.
            var reported = 0L;
            var report = await scope.ServiceProvider.GetRequiredService<AuditVerification>().VerifyAll(ct, read =>
            {
                if (read / 100_000 > reported / 100_000) error.WriteLine($"… {read:N0} entries read");
                reported = read;
            });
            foreach (var problem in report.Problems) output.WriteLine(problem);
            output.WriteLine(report.Intact
                ? $"The audit log is intact: {report.Entries} entries in {report.Chains} chain(s)."
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
