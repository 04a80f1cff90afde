using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samordna.Core.Audit;
using Samordna.Data;
using Samordna.Web.Tests.Infrastructure;

namespace Samordna.Web.Tests.Audit;

/// <summary>
/// Requests write their audit entries durably but unsealed, and never touch the chain head; the sequencer
/// seals them in order in batches. The host's own sequencer is slowed to an hour here so the test decides
/// when sealing happens.
/// </summary>
public abstract class AuditSequencingTests(SamordnaApp app)
{
    private async Task<T> Raw<T>(Func<SamordnaDbContext, Task<T>> read)
    {
        // Straight from the database, without the fixture's sealing first.
        await using var scope = app.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<SamordnaDbContext>());
    }

    /// <summary>The municipality's chain head; (0, "") before anything was sealed.</summary>
    private async Task<(long Sequence, string Hash)> Head()
    {
        var head = await Raw(db => db.Set<AuditChainHead>().AsNoTracking().SingleOrDefaultAsync(h => h.OrganisationId == app.Asby.OrganisationId));
        return head is null ? (0, "") : (head.LastSequence, head.LastHash);
    }

    [Fact]
    public async Task A_read_stores_its_entry_without_claiming_the_chain_head_and_the_sequencer_seals_it_in_order()
    {
        await app.SealAudit();
        var head = await Head();
        var client = await app.SignedIn(app.Asby.Caseworker);
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            var response = await client.PostAsJsonAsync("/api/v1/people", new { identityKind = "none", pseudonym = $"Sekvens {i}", gender = "man" });
            response.StatusCode.ShouldBe(HttpStatusCode.Created);
            ids.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        }

        // Acknowledged, stored, not yet in the chain; the head did not move.
        var pending = await Raw(db => db.Set<AuditEntry>().AsNoTracking()
            .Where(e => e.Action == AuditAction.CreatePerson && e.Subjects.Any(s => s.PersonId != null && ids.Contains(s.PersonId.Value))).ToListAsync());
        pending.Count.ShouldBe(5);
        pending.ShouldAllBe(e => e.Sequence == 0 && e.Hash == "");
        (await Head()).ShouldBe(head);

        await app.SealAudit();
        var chain = await Raw(db => db.Set<AuditEntry>().AsNoTracking().Where(e => e.OrganisationId == app.Asby.OrganisationId && e.Sequence > head.Sequence)
            .OrderBy(e => e.Sequence).ToListAsync());
        chain.Select(e => e.Sequence).ShouldBe(Enumerable.Range(1, chain.Count).Select(n => head.Sequence + n));
        chain.First().PreviousHash.ShouldBe(head.Hash);
        chain.Zip(chain.Skip(1)).ShouldAllBe(pair => pair.Second.PreviousHash == pair.First.Hash);
        chain.ShouldAllBe(e => e.ComputeHash() == e.Hash);
        (await Head()).ShouldBe((chain[^1].Sequence, chain[^1].Hash));
        chain.Where(e => e.Action == AuditAction.CreatePerson).Count(e => e.Subjects.Any(s => s.PersonId != null && ids.Contains(s.PersonId.Value))).ShouldBe(5);
    }

    [Fact]
    public async Task A_sealed_entry_cannot_be_sealed_again_or_changed_through_the_application()
    {
        var client = await app.SignedIn(app.Asby.Caseworker);
        (await client.GetAsync("/api/v1/people?q=Sekvens")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await app.SealAudit();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SamordnaDbContext>();
        var entry = await db.Set<AuditEntry>().Where(e => e.OrganisationId == app.Asby.OrganisationId).OrderByDescending(e => e.Sequence).FirstAsync();
        Should.Throw<InvalidOperationException>(() => entry.Seal(entry.Sequence + 1, entry.Hash));
        db.Entry(entry).Property(e => e.Sequence).CurrentValue = entry.Sequence + 100;
        await Should.ThrowAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task The_database_lets_the_application_seal_an_entry_once_and_change_nothing_else()
    {
        var client = await app.SignedIn(app.Asby.Caseworker);
        (await client.GetAsync("/api/v1/people?q=Databasen")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var pending = await Raw(db => db.Set<AuditEntry>().AsNoTracking().Where(e => e.OrganisationId == app.Asby.OrganisationId && e.Sequence == 0)
            .Select(e => e.Id).FirstAsync());
        // Straight SQL as the application's role, past the application's own refusal: the content of a pending entry stays as written.
        await Should.ThrowAsync<Exception>(() => Raw(db => db.Database.ExecuteSqlAsync($"UPDATE audit_entries SET purpose = 'i efterhand' WHERE id = {pending}")));
        await app.SealAudit();
        var sealedEntry = await Raw(db => db.Set<AuditEntry>().AsNoTracking().SingleAsync(e => e.Id == pending));
        sealedEntry.Sequence.ShouldBeGreaterThan(0);
        // A sealed entry cannot be sealed again, nor moved in the chain.
        await Should.ThrowAsync<Exception>(() => Raw(db => db.Database.ExecuteSqlAsync($"UPDATE audit_entries SET hash = 'omräknad' WHERE id = {pending}")));
        await Should.ThrowAsync<Exception>(() => Raw(db => db.Database.ExecuteSqlAsync($"UPDATE audit_entries SET sequence = sequence + 1000 WHERE id = {pending}")));
        (await Raw(db => db.Set<AuditEntry>().AsNoTracking().SingleAsync(e => e.Id == pending))).Hash.ShouldBe(sealedEntry.Hash);
    }

    [Fact]
    public async Task Ready_says_so_when_the_log_falls_behind_and_recovers_when_sealed()
    {
        var client = await app.SignedIn(app.Asby.Caseworker);
        (await client.GetAsync("/api/v1/people?q=Efter")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await Task.Delay(1_100); // the allowed lag here is 1 s
        var behind = await app.Anonymous().GetAsync("/health/ready");
        behind.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        await app.SealAudit();
        (await app.Anonymous().GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

/// <summary>The host's sequencer waits an hour between runs, and a lag of more than a second is "not ready".</summary>
public sealed class SlowSequencerSqliteApp : SqliteApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Samordna:Audit:Sequencing:IntervalMilliseconds", "3600000");
        builder.UseSetting("Samordna:Audit:Sequencing:MaxLagSeconds", "1");
    }
}

public sealed class SlowSequencerPostgresApp : PostgresApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Samordna:Audit:Sequencing:IntervalMilliseconds", "3600000");
        builder.UseSetting("Samordna:Audit:Sequencing:MaxLagSeconds", "1");
    }
}

public sealed class AuditSequencingOnSqlite(SlowSequencerSqliteApp app) : AuditSequencingTests(app), IClassFixture<SlowSequencerSqliteApp>;

public sealed class AuditSequencingOnPostgres(SlowSequencerPostgresApp app) : AuditSequencingTests(app), IClassFixture<SlowSequencerPostgresApp>;
