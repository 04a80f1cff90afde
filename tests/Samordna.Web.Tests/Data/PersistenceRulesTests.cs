using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samordna.Core.Cases;
using Samordna.Core.People;
using Samordna.Data;
using Samordna.Web.Tests.Infrastructure;

namespace Samordna.Web.Tests.Data;

/// <summary>Rules the data layer enforces whatever code path writes: versions, the append-only journal, instants kept exactly and in time order.</summary>
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
        // The first hour of New Year's Day in Sweden is the last hour of 2025 in UTC. The instants are
        // written with the offsets they came with: their clock times and their text sort differently
        // from time (the +02:00 one at the start of the hour reads latest), and neighbours are 1 µs apart,
        // the finest PostgreSQL keeps, at both ends of the hour and inside it.
        var from = Instant("2026-01-01T00:00:00+01:00");
        var to = Instant("2026-01-01T01:00:00+01:00");
        var justBefore = Instant("2026-01-01T00:59:59.999999+02:00"); // 1 µs before the hour: outside
        var first = Instant("2026-01-01T01:00:00+02:00");
        var second = Instant("2026-01-01T00:30:00+01:00");
        var third = Instant("2025-12-31T23:30:00.000001+00:00");      // 1 µs after the second
        var last = Instant("2026-01-01T00:59:59.999999+01:00");
        var atTheEnd = Instant("2025-12-31T19:00:00-05:00");          // the hour's exclusive end: outside

        var person = new Person(app.Asby.OrganisationId, PersonIdentity.Anonymous(), new PersonName(null, null, "Nyårsnatten"), Gender.Unknown,
            ProtectedIdentityLevel.None, ContactDetails.Empty, At);
        // Stored out of time order, so neither insertion order nor the time-ordered keys give the answer.
        var cases = new[] { last, second, justBefore, atTheEnd, third, first }
            .ToDictionary(at => at, at => new Case(app.Asby.OrganisationId, CaseType.AdultVictim, app.Asby.ViolenceTeam,
                person.Id, Stored(at), app.Asby.CaseworkerId, $"Inkom {at:O}"));
        await app.Store([person, .. cases.Values]);

        var (storedFrom, storedTo) = (Stored(from), Stored(to));
        var read = await app.InDatabase(db => db.Set<Case>().AsNoTracking()
            .Where(c => c.OrganisationId == app.Asby.OrganisationId && c.ReceivedAt >= storedFrom && c.ReceivedAt < storedTo)
            .OrderBy(c => c.ReceivedAt)
            .Select(c => new { c.Id, c.ReceivedAt })
            .ToListAsync());

        read.Select(c => c.Id).ShouldBe([cases[first].Id, cases[second].Id, cases[third].Id, cases[last].Id]);
        read.Select(c => c.ReceivedAt.UtcTicks).ShouldBe([first.UtcTicks, second.UtcTicks, third.UtcTicks, last.UtcTicks]);
        read.ShouldAllBe(c => c.ReceivedAt.Offset == TimeSpan.Zero);
    }

    private static DateTimeOffset Instant(string roundTrip) =>
        DateTimeOffset.Parse(roundTrip, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Handlers convert to UTC before storing, because Npgsql writes no other offset to timestamptz. The
    /// SQLite converter is handed the original offset, so one that kept clock time or text would show here.
    /// </summary>
    private DateTimeOffset Stored(DateTimeOffset instant) =>
        app.Provider == DatabaseProvider.Sqlite ? instant : instant.ToUniversalTime();
}

public sealed class PersistenceRulesOnSqlite(SqliteApp app) : PersistenceRulesTests(app), IClassFixture<SqliteApp>;

public sealed class PersistenceRulesOnPostgres(PostgresApp app) : PersistenceRulesTests(app), IClassFixture<PostgresApp>;
