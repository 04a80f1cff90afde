using System.Collections.Concurrent;
using System.Data.Common;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Samordna.Core.Cases;
using Samordna.Core.People;
using Samordna.Data;
using Samordna.Web.Tests.Infrastructure;

namespace Samordna.Web.Tests.Security;

/// <summary>
/// From the security review: opening a case id that exists but is hidden took a few ms longer than a missing id
/// (two extra queries), which tells a caller the case exists. Both paths now run the same SQL commands, counted
/// per request path by an interceptor in the host.
/// </summary>
public abstract class HiddenCaseTests(SamordnaApp app, CommandCounter counter)
{
    private async Task<Guid> CaseOf(Guid organisation, Guid unit, Guid responsible)
    {
        var at = DateTimeOffset.UtcNow.AddDays(-1);
        var person = new Person(organisation, PersonIdentity.Anonymous(), new PersonName(null, null, $"Dold {Guid.NewGuid():N}"[..16]),
            Gender.Woman, ProtectedIdentityLevel.None, ContactDetails.Empty, at);
        var @case = new Case(organisation, CaseType.AdultVictim, unit, person.Id, at, responsible, null);
        await app.Store(person, @case);
        return @case.Id;
    }

    private async Task<(HttpStatusCode Status, int Commands)> Open(HttpClient client, Guid id)
    {
        var path = $"/api/v1/cases/{id}";
        var response = await client.GetAsync(path);
        return (response.StatusCode, counter.For(path));
    }

    [Fact]
    public async Task Opening_a_hidden_case_runs_exactly_the_commands_of_opening_an_id_that_does_not_exist()
    {
        var client = await app.SignedIn(app.Asby.Caseworker);
        // The children's unit's case, in the caseworker's own municipality: the path that used to look for a team place and nödåtkomst.
        var hidden = await CaseOf(app.Asby.OrganisationId, app.Asby.ChildrenUnit, app.Asby.CaseworkerId);
        var otherMunicipality = await CaseOf(app.Bergby.OrganisationId, app.Bergby.ViolenceTeam, app.Bergby.CaseworkerId);
        var own = await CaseOf(app.Asby.OrganisationId, app.Asby.ViolenceTeam, app.Asby.CaseworkerId);

        var missing = await Open(client, Guid.NewGuid());
        var hiddenHere = await Open(client, hidden);
        var hiddenElsewhere = await Open(client, otherMunicipality);
        var visible = await Open(client, own);

        missing.Status.ShouldBe(HttpStatusCode.NotFound);
        missing.Commands.ShouldBeGreaterThan(0, "the counter sees the request's commands");
        hiddenHere.ShouldBe(missing);
        hiddenElsewhere.ShouldBe(missing);
        visible.Status.ShouldBe(HttpStatusCode.OK);
        visible.Commands.ShouldBeGreaterThan(missing.Commands, "a positive control: reading a case does more");
    }
}

/// <summary>Counts the SQL commands each request path runs (only commands run inside a request: not the audit sequencer's).</summary>
public sealed class CommandCounter : DbCommandInterceptor
{
    private readonly ConcurrentDictionary<string, int> _counts = new();
    public IHttpContextAccessor? Http { get; set; }

    public int For(string path) => _counts.GetValueOrDefault(path);

    private void Count()
    {
        if (Http?.HttpContext?.Request.Path.Value is { } path) _counts.AddOrUpdate(path, 1, (_, n) => n + 1);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Count();
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Count();
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Count();
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Count();
        return ValueTask.FromResult(result);
    }

    /// <summary>Adds the counter to whichever context the host uses.</summary>
    internal static void Install(IWebHostBuilder builder, CommandCounter counter) => builder.ConfigureServices(services =>
    {
        services.ConfigureDbContext<SqliteSamordnaDbContext>((sp, options) =>
        {
            counter.Http ??= sp.GetRequiredService<IHttpContextAccessor>();
            options.AddInterceptors(counter);
        });
        services.ConfigureDbContext<NpgsqlSamordnaDbContext>((sp, options) =>
        {
            counter.Http ??= sp.GetRequiredService<IHttpContextAccessor>();
            options.AddInterceptors(counter);
        });
    });
}

public sealed class CountingSqliteApp : SqliteApp
{
    public CommandCounter Counter { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        CommandCounter.Install(builder, Counter);
    }
}

public sealed class CountingPostgresApp : PostgresApp
{
    public CommandCounter Counter { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        CommandCounter.Install(builder, Counter);
    }
}

public sealed class HiddenCaseOnSqlite(CountingSqliteApp app) : HiddenCaseTests(app, app.Counter), IClassFixture<CountingSqliteApp>;

public sealed class HiddenCaseOnPostgres(CountingPostgresApp app) : HiddenCaseTests(app, app.Counter), IClassFixture<CountingPostgresApp>;
