using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samordna.Cli;
using Samordna.Core.Cases;
using Samordna.Core.Organisations;
using Samordna.Core.People;
using Samordna.Data;
using Samordna.Data.Demo;
using Samordna.Web.Tests.Infrastructure;

namespace Samordna.Web.Tests.Demo;

public abstract class DemoAndCliTests(SamordnaApp app)
{
    private async Task<(int Code, string Output, string Error)> Samordna(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        // The operator runs the command as the schema owner; the web host has a role of its own (PostgreSQL).
        var code = await CliApp.Run([.. args, "--provider", app.Provider.ToString(), "--connection", app.OwnerConnectionString], output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Migrate_on_a_migrated_database_says_it_is_up_to_date()
    {
        var (code, output, _) = await Samordna("migrate");
        code.ShouldBe(0);
        output.ShouldContain("up to date");
    }

    [Fact]
    public async Task Seed_demo_makes_a_municipality_with_fifty_valid_cases_whose_users_can_sign_in_and_does_it_once()
    {
        var (code, output, error) = await Samordna("seed-demo");
        code.ShouldBe(0, error);
        output.ShouldContain("Created the demo municipality.");
        foreach (var login in DemoMunicipality.Logins) output.ShouldContain(login.UserName);

        var org = await app.InDatabase(db => db.Set<Organisation>().SingleAsync(o => o.MunicipalityCode == DemoMunicipality.MunicipalityCode));
        var cases = await app.InDatabase(db => db.Set<Case>().Where(c => c.OrganisationId == org.Id).ToListAsync());
        cases.Count.ShouldBeInRange(50, 60);
        cases.Select(c => c.Type).Distinct().ShouldBe([CaseType.AdultVictim, CaseType.Perpetrator, CaseType.Child], ignoreOrder: true);
        (await app.InDatabase(db => db.Set<JournalEntry>().CountAsync(e => e.OrganisationId == org.Id))).ShouldBeGreaterThan(50);
        // The process runs in the demo too: reports about the children, deadlines open and met, investigations under way.
        (await app.InDatabase(db => db.Set<ReportOfConcern>().CountAsync(r => r.OrganisationId == org.Id)))
            .ShouldBe(cases.Count(c => c.Type == CaseType.Child));
        (await app.InDatabase(db => db.Set<CaseTask>().CountAsync(t => t.OrganisationId == org.Id && t.Status == CaseTaskStatus.Open && t.DueDate != null))).ShouldBeGreaterThan(0);
        cases.ShouldContain(c => c.Investigation == InvestigationState.Investigating);
        (await app.InDatabase(db => db.Set<Person>().CountAsync(p => p.OrganisationId == org.Id && p.ProtectedIdentity != ProtectedIdentityLevel.None))).ShouldBeGreaterThan(0);
        (await app.InDatabase(db => db.Set<Person>().CountAsync(p => p.OrganisationId == org.Id && p.IdentityKind == IdentityKind.None))).ShouldBeGreaterThan(0);

        foreach (var login in DemoMunicipality.Logins)
        {
            var client = app.Anonymous();
            (await client.PostAsJsonAsync("/api/v1/session", new { userName = login.UserName, password = DemoMunicipality.Password }))
                .StatusCode.ShouldBe(HttpStatusCode.NoContent, login.UserName);
        }

        var numbers = await app.InDatabase(db => db.Set<Person>()
            .Where(p => p.OrganisationId == org.Id && p.IdentityNumber != null).Select(p => p.IdentityNumber!).ToListAsync());
        numbers.ShouldNotBeEmpty();
        foreach (var number in numbers)
            PersonalIdentityNumber.TryParse(number, DateOnly.MaxValue, out _, out var invalid).ShouldBeTrue($"{number}: {invalid}");

        var again = await Samordna("seed-demo");
        again.Code.ShouldBe(0);
        again.Output.ShouldContain("already there");
        (await app.InDatabase(db => db.Set<Case>().CountAsync(c => c.OrganisationId == org.Id))).ShouldBe(cases.Count);
    }

    [Fact]
    public async Task Help_explains_every_verb()
    {
        var output = new StringWriter();
        (await CliApp.Run(["--help"], output, new StringWriter())).ShouldBe(0);
        output.ToString().ShouldContain("migrate");
        output.ToString().ShouldContain("seed-demo");
        output.ToString().ShouldContain("--connection");
    }

    [Fact]
    public async Task An_unknown_provider_is_a_clear_error()
    {
        var error = new StringWriter();
        (await CliApp.Run(["migrate", "--provider", "Oracle"], new StringWriter(), error)).ShouldNotBe(0);
        error.ToString().ShouldContain("Oracle");
    }
}

public sealed class DemoAndCliOnSqlite(SqliteApp app) : DemoAndCliTests(app), IClassFixture<SqliteApp>;

public sealed class DemoAndCliOnPostgres(PostgresApp app) : DemoAndCliTests(app), IClassFixture<PostgresApp>;
