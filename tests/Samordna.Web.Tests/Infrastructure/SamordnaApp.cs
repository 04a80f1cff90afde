using System.Collections.Concurrent;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Samordna.Core.Organisations;
using Samordna.Core.Staff;
using Samordna.Data;

namespace Samordna.Web.Tests.Infrastructure;

/// <summary>
/// The real web host on a real database of its own: migrated with the production migrations (by
/// <c>samordna migrate</c>, as the schema owner), with two municipalities (so "another municipality's
/// data" can be tested) and a signed-in client per user. One subclass per provider; test classes derive
/// once per provider so every test runs on both. On PostgreSQL the host connects as a restricted
/// application role, as in production, so what that role may not do is really refused.
/// </summary>
public abstract class SamordnaApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "test-passphrase-2026";

    /// <summary>Clients made without options of their own (<c>CreateClient()</c>) use https too.</summary>
    protected SamordnaApp() => ClientOptions.BaseAddress = BaseAddress;

    public abstract DatabaseProvider Provider { get; }
    /// <summary>What the web host connects with: on PostgreSQL the application role, which may only append to the audit log.</summary>
    public string ConnectionString { get; protected set; } = "";

    /// <summary>The schema owner's connection (on SQLite the same file): for <c>samordna migrate</c> and tampering past the application.</summary>
    public string OwnerConnectionString { get; protected set; } = "";
    public TestMunicipality Asby { get; private set; } = null!;
    public TestMunicipality Bergby { get; private set; } = null!;

    /// <summary>Makes the database ready to migrate; false when it is one already migrated, emptied for this fixture.</summary>
    protected abstract Task<bool> CreateDatabase();
    protected abstract Task DropDatabase();

    /// <summary>The clock the app runs on; tests that move time use <see cref="ClockedApp"/>.</summary>
    protected virtual TimeProvider? Clock => null;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (Clock is { } clock) builder.ConfigureServices(services => services.AddSingleton(clock));
        builder.UseEnvironment("Testing");
        builder.UseSetting("Samordna:Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:Samordna", ConnectionString);
        // Every client signs in from the test server's one address: limits a real office would never meet, except where a test sets its own.
        builder.UseSetting("Samordna:SignIn:RateLimit:PerClient:Permits", "1000000");
        builder.UseSetting("Samordna:SignIn:RateLimit:PerAccount:Permits", "1000000");
        builder.ConfigureServices(services => services.AddTransient<IStartupFilter, LoopbackClient>());
    }

    /// <summary>The in-memory test server has no socket, so no client address; real Kestrel always has one.</summary>
    private sealed class LoopbackClient : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress ??= System.Net.IPAddress.Loopback;
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    /// <summary>Extra options for <c>samordna migrate</c> (the application role on PostgreSQL).</summary>
    protected virtual string[] MigrateOptions => [];

    /// <summary>Starts what the host needs before it starts (e.g. an identity provider); nothing by default.</summary>
    protected virtual Task StartDependencies() => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        await StartDependencies();
        if (await CreateDatabase())
        {
            var output = new StringWriter();
            var code = await Samordna.Cli.CliApp.Run(
                ["migrate", "--provider", Provider.ToString(), "--connection", OwnerConnectionString, .. MigrateOptions], output, output);
            if (code != 0) throw new InvalidOperationException($"samordna migrate failed ({code}): {output}");
        }
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SamordnaDbContext>();
        var accounts = scope.ServiceProvider.GetRequiredService<UserManager<StaffAccount>>();
        Asby = await TestMunicipality.Create(db, accounts, "Åsby", "0598", "asby");
        Bergby = await TestMunicipality.Create(db, accounts, "Bergby", "0597", "bergby");
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await DropDatabase();
    }

    /// <summary>Where the test clients send their requests: https, as in production, so the Secure cookies come back.</summary>
    public static readonly Uri BaseAddress = new("https://localhost");

    /// <summary>A client with the session cookie of <paramref name="userName"/>; redirects are not followed so tests see them.</summary>
    public async Task<HttpClient> SignedIn(string userName)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = BaseAddress, AllowAutoRedirect = false, HandleCookies = true });
        var response = await client.PostAsJsonAsync("/api/v1/session", new { userName, password = Password });
        response.EnsureSuccessStatusCode();
        return client;
    }

    public HttpClient Anonymous() =>
        CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = BaseAddress, AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Adds a member of staff with a sign-in account and the given roles.</summary>
    public async Task<StaffMember> AddStaff(Guid organisationId, string userName, IEnumerable<(Guid Unit, StaffRole Role)> roles,
        bool protectedDataClearance = false, string? displayName = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SamordnaDbContext>();
        var member = new StaffMember(organisationId, userName, displayName ?? userName, null);
        foreach (var (unit, role) in roles) member.Grant(unit, role);
        member.SetProtectedDataClearance(protectedDataClearance);
        db.Add(member);
        await db.SaveChangesAsync();
        await StaffAccounts.CreateAccount(scope.ServiceProvider.GetRequiredService<UserManager<StaffAccount>>(), member, Password);
        return member;
    }

    /// <summary>Stores entities directly, for arranging a world the API would need many calls to build.</summary>
    public async Task Store(params object[] entities)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SamordnaDbContext>();
        db.AddRange(entities);
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Reads straight from the database, for asserting what was (not) stored. The audit entries written so far
    /// are sealed into their chains first — what the host's sequencer does within its interval — so a test
    /// sees every entry with its sequence and hash. As the application's role.
    /// </summary>
    public async Task<T> InDatabase<T>(Func<SamordnaDbContext, Task<T>> read)
    {
        await SealAudit();
        await using var scope = Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<SamordnaDbContext>());
    }

    /// <summary>The database as the schema owner (PostgreSQL: the superuser of the test server), not as the application.</summary>
    public async Task<T> AsOwner<T>(Func<SamordnaDbContext, Task<T>> work)
    {
        var settings = new DatabaseSettings(Provider, OwnerConnectionString);
        await using SamordnaDbContext db = Provider == DatabaseProvider.PostgreSQL
            ? new NpgsqlSamordnaDbContext(Options<NpgsqlSamordnaDbContext>(settings))
            : new SqliteSamordnaDbContext(Options<SqliteSamordnaDbContext>(settings));
        return await work(db);
    }

    private static DbContextOptions<T> Options<T>(DatabaseSettings settings) where T : DbContext
    {
        var options = new DbContextOptionsBuilder<T>();
        settings.Apply(options);
        return options.Options;
    }

    /// <summary>
    /// Changes the stored audit log past the application and past the append-only triggers, as an attacker
    /// with the owner's rights could: what the hash chain (and signed checkpoints) must catch.
    /// </summary>
    public abstract Task Tamper(FormattableString sql);

    /// <summary>Runs the audit sequencer now, for every municipality.</summary>
    public async Task SealAudit()
    {
        await using var scope = Services.CreateAsyncScope();
        await AuditSealing.SealPending(scope.ServiceProvider.GetRequiredService<SamordnaDbContext>(), null, CancellationToken.None);
    }
}

public sealed record TestMunicipality(Guid OrganisationId, Guid ViolenceTeam, Guid TreatmentCentre, Guid ChildrenUnit,
    string Caseworker, string Therapist, Guid CaseworkerId)
{
    public static async Task<TestMunicipality> Create(SamordnaDbContext db, UserManager<StaffAccount> accounts,
        string name, string code, string prefix)
    {
        var org = new Organisation($"{name} kommun", code);
        var rvt = new Unit(org.Id, "Relationsvåldsteamet", UnitKind.ViolenceTeam);
        var rvc = new Unit(org.Id, "Relationsvåldscentrum", UnitKind.TreatmentCentre);
        var children = new Unit(org.Id, "Barn och unga", UnitKind.ChildrenAndYoungPeople);
        var caseworker = new StaffMember(org.Id, $"{prefix}.handlaggare", $"{name} Handläggare", null);
        caseworker.Grant(rvt.Id, StaffRole.Caseworker);
        var therapist = new StaffMember(org.Id, $"{prefix}.behandlare", $"{name} Behandlare", null);
        therapist.Grant(rvc.Id, StaffRole.Therapist);
        db.AddRange(org, rvt, rvc, children, caseworker, therapist);
        await db.SaveChangesAsync();
        await StaffAccounts.CreateAccount(accounts, caseworker, SamordnaApp.Password);
        await StaffAccounts.CreateAccount(accounts, therapist, SamordnaApp.Password);
        return new TestMunicipality(org.Id, rvt.Id, rvc.Id, children.Id, caseworker.UserName, therapist.UserName, caseworker.Id);
    }
}

/// <remarks>Not sealed: a test may derive to run the host with settings or a clock of its own (OpenIdConnectTests, ClockedApp).</remarks>
public class SqliteApp : SamordnaApp
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"samordna-test-{Guid.NewGuid():N}.db");

    public SqliteApp() => ConnectionString = OwnerConnectionString = $"Data Source={_file}";

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    /// <summary>SQLite cannot switch triggers off: drop the audit log's, change, and put them back, in one transaction.</summary>
    public override Task Tamper(FormattableString sql) => AsOwner(async db =>
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var triggers = await db.Database.SqlQuery<Trigger>(
            $"SELECT name AS Name, sql AS Sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ('audit_entries', 'audit_subjects')").ToListAsync();
        triggers.ShouldNotBeEmpty("the append-only triggers are expected on the audit tables");
        foreach (var trigger in triggers)
        {
            var drop = $"DROP TRIGGER \"{trigger.Name.Replace("\"", "\"\"")}\""; // a name from sqlite_master, quoted
            await db.Database.ExecuteSqlRawAsync(drop);
        }
        await db.Database.ExecuteSqlAsync(sql);
        foreach (var trigger in triggers) await db.Database.ExecuteSqlRawAsync(trigger.Sql);
        await transaction.CommitAsync();
        return 0;
    });

    private sealed class Trigger
    {
        public string Name { get; set; } = "";
        public string Sql { get; set; } = "";
    }

    /// <summary>A new file per fixture: creating one costs less than emptying one past its triggers.</summary>
    protected override Task<bool> CreateDatabase() => Task.FromResult(true);

    protected override Task DropDatabase()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(_file + suffix);
        return Task.CompletedTask;
    }
}

/// <summary>
/// A database on the PostgreSQL server named by SAMORDNA_TEST_POSTGRES (test.sh starts a throwaway cluster
/// and sets it). Without it the tests fail — they are never skipped. Databases are pooled: a fixture takes a
/// free one (or creates and migrates a new one when none is free), the schema owner empties it with TRUNCATE,
/// and it goes back to the pool when the fixture ends; they are dropped when the test process exits. The
/// host still connects as the application role, which may not TRUNCATE, UPDATE or DELETE the audit log, so
/// the reset is the owner's and the refusal tests are real. Not sealed, like <see cref="SqliteApp"/>.
/// </summary>
public class PostgresApp : SamordnaApp
{
    /// <summary>
    /// The role the web host connects as: a login without superuser rights that owns nothing, created once
    /// per server and granted its privileges by <c>samordna migrate</c> in each test database. The password
    /// matters only on a server that asks for one (test.sh's cluster trusts local connections).
    /// </summary>
    public const string ApplicationRole = "samordna_test_app";
    private const string ApplicationPassword = "samordna-test-app";
    private static readonly SemaphoreSlim RoleCreation = new(1, 1);
    private static bool _roleExists;

    /// <summary>
    /// Rows the migrations write and the application only reads (the shared classification catalogue):
    /// a reset keeps them, as it keeps the migration history.
    /// </summary>
    private static readonly string[] KeptByReset = ["__EFMigrationsHistory", "classification_terms"];

    private static readonly ConcurrentBag<string> FreeDatabases = [];
    private static readonly ConcurrentQueue<string> CreatedDatabases = [];
    private static int _dropRegistered;

    private string _database = "";

    public override DatabaseProvider Provider => DatabaseProvider.PostgreSQL;

    protected override string[] MigrateOptions => ["--application-role", ApplicationRole];

    public static string AdminConnection => Environment.GetEnvironmentVariable("SAMORDNA_TEST_POSTGRES") is { Length: > 0 } server
        ? server
        : throw new InvalidOperationException(
            "SAMORDNA_TEST_POSTGRES is not set. Run ./test.sh, which starts a throwaway PostgreSQL, " +
            "or set it to a superuser's connection string of a server where the tests may create databases and a role.");

    protected override async Task<bool> CreateDatabase()
    {
        var reused = FreeDatabases.TryTake(out var free);
        _database = reused ? free! : $"samordna_test_{Guid.NewGuid():N}";
        OwnerConnectionString = new NpgsqlConnectionStringBuilder(AdminConnection) { Database = _database, Pooling = true }.ConnectionString;
        ConnectionString = new NpgsqlConnectionStringBuilder(OwnerConnectionString)
            { Username = ApplicationRole, Password = ApplicationPassword }.ConnectionString;
        if (reused)
        {
            await EmptyAsOwner();
            return false;
        }

        await using var admin = new NpgsqlConnection(AdminConnection);
        await admin.OpenAsync();
        await EnsureApplicationRole(admin);
        await using var create = new NpgsqlCommand($"CREATE DATABASE {_database}", admin);
        await create.ExecuteNonQueryAsync();
        CreatedDatabases.Enqueue(_database);
        if (Interlocked.Exchange(ref _dropRegistered, 1) == 0) AppDomain.CurrentDomain.ProcessExit += (_, _) => DropPool();
        return true;
    }

    /// <summary>
    /// Empties every table the application writes, as the schema owner: one TRUNCATE, which the append-only
    /// triggers do not cover and the application role may not run.
    /// </summary>
    public async Task EmptyAsOwner()
    {
        await using var owner = new NpgsqlConnection(OwnerConnectionString);
        await owner.OpenAsync();
        await using var tables = new NpgsqlCommand("""
            SELECT string_agg(format('%I.%I', schemaname, tablename), ', ' ORDER BY tablename)
            FROM pg_tables
            WHERE schemaname NOT IN ('pg_catalog', 'information_schema') AND NOT (tablename = ANY(@kept))
            """, owner);
        tables.Parameters.AddWithValue("kept", KeptByReset);
        var list = (string)(await tables.ExecuteScalarAsync())!;
        await using var truncate = new NpgsqlCommand($"TRUNCATE {list} RESTART IDENTITY", owner);
        await truncate.ExecuteNonQueryAsync();
    }

    private static async Task EnsureApplicationRole(NpgsqlConnection admin)
    {
        await RoleCreation.WaitAsync();
        try
        {
            if (_roleExists) return;
            await using var create = new NpgsqlCommand($"""
                DO $$ BEGIN
                    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{ApplicationRole}') THEN
                        CREATE ROLE {ApplicationRole} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '{ApplicationPassword}';
                    END IF;
                END $$
                """, admin);
            try { await create.ExecuteNonQueryAsync(); }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateObject or PostgresErrorCodes.UniqueViolation)
            {
                // Another test run on the same server created it at the same moment.
            }
            _roleExists = true;
        }
        finally
        {
            RoleCreation.Release();
        }
    }

    /// <summary>As the superuser with <c>session_replication_role = replica</c>, which skips the append-only triggers.</summary>
    public override Task Tamper(FormattableString sql) => AsOwner(async db =>
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.Database.ExecuteSqlRawAsync("SET LOCAL session_replication_role = replica");
        await db.Database.ExecuteSqlAsync(sql);
        await transaction.CommitAsync();
        return 0;
    });

    /// <summary>Back to the pool once the host has stopped: the next fixture empties it before use.</summary>
    protected override Task DropDatabase()
    {
        NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString));
        NpgsqlConnection.ClearPool(new NpgsqlConnection(OwnerConnectionString));
        FreeDatabases.Add(_database);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Leaves the server as it was found (a developer's own server, not only test.sh's throwaway one). All at
    /// once, each on a connection of its own: the test runner does not wait long for an exiting process.
    /// </summary>
    private static void DropPool()
    {
        NpgsqlConnection.ClearAllPools();
        var drops = CreatedDatabases.Select(database => Task.Run(async () =>
        {
            try
            {
                await using var admin = new NpgsqlConnection(AdminConnection);
                await admin.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", admin);
                await drop.ExecuteNonQueryAsync();
            }
            catch (NpgsqlException)
            {
                // The server went first (test.sh stops its cluster after the run): nothing is left to clean.
            }
        })).ToArray();
        Task.WaitAll(drops, TimeSpan.FromSeconds(10));
    }
}

/// <summary>A clock a test can move forward.</summary>
public sealed class MovableClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}

/// <summary>SQLite, on a clock the test moves: for idle sessions and expiring nödåtkomst.</summary>
public sealed class ClockedApp : SqliteApp
{
    public MovableClock Time { get; } = new(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero));

    protected override TimeProvider Clock => Time;
}
