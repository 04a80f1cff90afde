using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samordna.Core.Cases;
using Samordna.Core.People;
using Samordna.Data;
using Samordna.Web.Tests.Infrastructure;

namespace Samordna.Web.Tests.Data;

/// <summary>Rules the data layer enforces whatever code path writes: versions and the append-only journal.</summary>
public abstract class PersistenceRulesTests(SamordnaApp app)
{
    private static readonly DateTimeOffset At = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);

    private async Task<Case> StoredCase()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SamordnaDbContext>();
        var person = new Person(app.Asby.OrganisationId, PersonIdentity.Anonymous(), new PersonName(null, null, "Lagring"), Gender.Unknown,
            ProtectedIdentityLevel.None, ContactDetails.Empty, At);
        var @case = new Case(app.Asby.OrganisationId, CaseType.AdultVictim, app.Asby.ViolenceTeam, person.Id, At, app.Asby.CaseworkerId, null);
        db.AddRange(person, @case, new JournalEntry(@case, app.Asby.CaseworkerId, At, "Första anteckningen."));
        await db.SaveChangesAsync();
        return @case;
    }

    [Fact]
    public async Task Two_writers_that_read_the_same_version_cannot_both_save()
    {
        var stored = await StoredCase();
        await using var first = app.Services.CreateAsyncScope();
        await using var second = app.Services.CreateAsyncScope();
        var db1 = first.ServiceProvider.GetRequiredService<SamordnaDbContext>();
        var db2 = second.ServiceProvider.GetRequiredService<SamordnaDbContext>();
        var case1 = await db1.Set<Case>().SingleAsync(c => c.Id == stored.Id);
        var case2 = await db2.Set<Case>().SingleAsync(c => c.Id == stored.Id);

        case1.Describe("Första skrivaren");
        await db1.SaveChangesAsync();
        case2.Describe("Andra skrivaren");
        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => db2.SaveChangesAsync());

        var after = await app.InDatabase(db => db.Set<Case>().AsNoTracking().SingleAsync(c => c.Id == stored.Id));
        after.Summary.ShouldBe("Första skrivaren");
        after.Version.ShouldBe(1);
    }

    [Fact]
    public async Task A_journal_entry_can_be_neither_changed_nor_deleted()
    {
        var stored = await StoredCase();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SamordnaDbContext>();
        var entry = await db.Set<JournalEntry>().SingleAsync(e => e.CaseId == stored.Id);

        db.Entry(entry).Property(e => e.Text).CurrentValue = "Ändrad i efterhand";
        await Should.ThrowAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();

        db.Remove(await db.Set<JournalEntry>().SingleAsync(e => e.CaseId == stored.Id));
        await Should.ThrowAsync<InvalidOperationException>(() => db.SaveChangesAsync());

        (await app.InDatabase(d => d.Set<JournalEntry>().SingleAsync(e => e.CaseId == stored.Id))).Text.ShouldBe("Första anteckningen.");
    }

    [Fact]
    public async Task Instants_round_trip_exactly_and_sort_in_time_order()
    {
        var stored = await StoredCase();
        var read = await app.InDatabase(db => db.Set<Case>().AsNoTracking().SingleAsync(c => c.Id == stored.Id));
        read.ReceivedAt.ShouldBe(At);
        var later = await app.InDatabase(db => db.Set<Case>().Where(c => c.OrganisationId == app.Asby.OrganisationId && c.ReceivedAt > At.AddSeconds(-1)).CountAsync());
        later.ShouldBeGreaterThanOrEqualTo(1);
    }
}

public sealed class PersistenceRulesOnSqlite(SqliteApp app) : PersistenceRulesTests(app), IClassFixture<SqliteApp>;

public sealed class PersistenceRulesOnPostgres(PostgresApp app) : PersistenceRulesTests(app), IClassFixture<PostgresApp>;
