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
/// The real web host on a real database of its own: migrated with the production migrations, with two
/// municipalities (so "another municipality's data" can be tested) and a signed-in client per user.
/// One subclass per provider; test classes derive once per provider so every test runs on both.
/// </summary>
public abstract class SamordnaApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "test-passphrase-2026";

    public abstract DatabaseProvider Provider { get; }
    public string ConnectionString { get; protected set; } = "";
    public TestMunicipality Asby { get; private set; } = null!;
    public TestMunicipality Bergby { get; private set; } = null!;

    protected abstract Task CreateDatabase();
    protected abstract Task DropDatabase();

    /// <summary>The clock the app runs on; tests that move time use <see cref="ClockedApp"/>.</summary>
    protected virtual TimeProvider? Clock => null;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (Clock is { } clock) builder.ConfigureServices(services => services.AddSingleton(clock));
        builder.UseEnvironment("Testing");
        builder.UseSetting("Samordna:Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:Samordna", ConnectionString);
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

    public async Task InitializeAsync()
    {
        await CreateDatabase();
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SamordnaDbContext>();
        await db.Database.MigrateAsync();
        var accounts = scope.ServiceProvider.GetRequiredService<UserManager<StaffAccount>>();
        Asby = await TestMunicipality.Create(db, accounts, "Åsby", "0598", "asby");
        Bergby = await TestMunicipality.Create(db, accounts, "Bergby", "0597", "bergby");
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await DropDatabase();
    }

    /// <summary>A client with the session cookie of <paramref name="userName"/>; redirects are not followed so tests see them.</summary>
    public async Task<HttpClient> SignedIn(string userName)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await client.PostAsJsonAsync("/api/v1/session", new { userName, password = Password });
        response.EnsureSuccessStatusCode();
        return client;
    }

    public HttpClient Anonymous() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

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
    /// sees every entry with its sequence and hash.
    /// </summary>
    public async Task<T> InDatabase<T>(Func<SamordnaDbContext, Task<T>> read)
    {
        await SealAudit();
        await using var scope = Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<SamordnaDbContext>());
    }

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

    public SqliteApp() => ConnectionString = $"Data Source={_file}";

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override Task CreateDatabase() => Task.CompletedTask;

    protected override Task DropDatabase()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(_file + suffix);
        return Task.CompletedTask;
    }
}

/// <summary>
/// A database of its own on the PostgreSQL server named by SAMORDNA_TEST_POSTGRES (test.sh starts a
/// throwaway cluster and sets it). Without it the tests fail — they are never skipped. Not sealed, like
/// <see cref="SqliteApp"/>.
/// </summary>
public class PostgresApp : SamordnaApp
{
    private readonly string _database = $"samordna_test_{Guid.NewGuid():N}";

    public PostgresApp() => ConnectionString = new NpgsqlConnectionStringBuilder(AdminConnection) { Database = _database, Pooling = true }.ConnectionString;

    public override DatabaseProvider Provider => DatabaseProvider.PostgreSQL;

    public static string AdminConnection => Environment.GetEnvironmentVariable("SAMORDNA_TEST_POSTGRES") is { Length: > 0 } server
        ? server
        : throw new InvalidOperationException(
            "SAMORDNA_TEST_POSTGRES is not set. Run ./test.sh, which starts a throwaway PostgreSQL, " +
            "or set it to a connection string of a server where the tests may create databases.");

    protected override async Task CreateDatabase()
    {
        await using var admin = new NpgsqlConnection(AdminConnection);
        await admin.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {_database}", admin);
        await create.ExecuteNonQueryAsync();
    }

    protected override async Task DropDatabase()
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(AdminConnection);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
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
