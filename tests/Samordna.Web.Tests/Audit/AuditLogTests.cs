using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samordna.Cli;
using Samordna.Core.Audit;
using Samordna.Web.Access;
using Samordna.Web.Tests.Access;
using Samordna.Web.Tests.Infrastructure;

namespace Samordna.Web.Tests.Audit;

public abstract class AuditLogTests(SamordnaApp app)
{
    private static readonly EndpointCatalogue.Rule[] PersonalDataRules =
    [
        EndpointCatalogue.Rule.CaseContent, EndpointCatalogue.Rule.TargetCase,
        EndpointCatalogue.Rule.OwningUnit, EndpointCatalogue.Rule.TakeEmergencyAccess,
        EndpointCatalogue.Rule.CaseContentHere, EndpointCatalogue.Rule.ReportOutcome, EndpointCatalogue.Rule.ReceivingUnit,
        EndpointCatalogue.Rule.PersonResponsible,
    ];

    /// <summary>Endpoints with case content that touch no personal data, and why.</summary>
    private static readonly Dictionary<string, string> NoPersonalData = new()
    {
        ["POST /api/v1/case-groups"] = "a group has only a kind and a label without personal data",
        ["GET /Cases/New"] = "an empty form",
        ["GET /People/New"] = "an empty form",
        ["GET /Cases/EmergencyAccess/{id:guid?}"] = "the form for a reason; reveals nothing about the case",
    };

    private Task<int> Entries() => app.InDatabase(db => db.Set<AuditEntry>().CountAsync());

    [Fact]
    public async Task Every_endpoint_touching_personal_data_leaves_an_audit_entry_naming_who_what_and_whom()
    {
        var world = await AccessWorld.Create(app, $"a{app.Provider.ToString()[..2].ToLowerInvariant()}");
        var missing = new List<string>();
        foreach (var (key, row) in EndpointCatalogue.Table.Where(r => PersonalDataRules.Contains(r.Value.Rule)))
        {
            if (row.Audited is null)
            {
                if (!NoPersonalData.ContainsKey(key)) missing.Add($"{key}: touches personal data but the catalogue names no audit action");
                continue;
            }
            // The caseworker of the owning unit may do everything except take nödåtkomst, which someone from another unit does.
            // The receiving unit of a handover is the treatment centre, on the world's case teams.
            var relation = row.Rule switch
            {
                EndpointCatalogue.Rule.TakeEmergencyAccess => Relation.OtherUnit,
                EndpointCatalogue.Rule.ReceivingUnit => Relation.CaseTeam,
                _ => Relation.OwnUnit,
            };
            var client = await world.Client(Samordna.Core.Staff.StaffRole.Caseworker, relation);
            world.CallerUnit = world.UnitOf[relation];
            var before = await app.InDatabase(db => db.Set<AuditEntry>().MaxAsync(e => (long?)e.Sequence)) ?? 0;

            var response = await client.SendAsync(await row.Request(world));
            if (!response.IsSuccessStatusCode) { missing.Add($"{key}: answered {(int)response.StatusCode}"); continue; }

            var entries = await app.InDatabase(db => db.Set<AuditEntry>().Where(e => e.OrganisationId == app.Asby.OrganisationId && e.Sequence > before).ToListAsync());
            var entry = entries.FirstOrDefault(e => e.Action == row.Audited);
            if (entry is null) { missing.Add($"{key}: no {row.Audited} entry (found {string.Join(", ", entries.Select(e => e.Action))})"); continue; }
            if (row.Subject is { } subject && !entry.Subjects.Any(s => s.CaseId == subject(world) || s.PersonId == subject(world)))
                missing.Add($"{key}: the {row.Audited} entry does not name its subject");
            if (entry.StaffMemberId is null || entry.Role is null || entry.UnitId is null || string.IsNullOrEmpty(entry.ActorName) || entry.ClientAddress is null)
                missing.Add($"{key}: the entry lacks who, role, unit or client address");
        }
        missing.ShouldBeEmpty(string.Join("\n", missing));
    }

    [Fact]
    public async Task A_failed_change_leaves_no_entry_and_a_refused_read_none_either()
    {
        var client = await app.SignedIn(app.Asby.Caseworker);
        var before = await Entries();
        (await client.PostAsJsonAsync("/api/v1/people", new { identityNumber = "811218-9875", firstName = "X", lastName = "Y", gender = "man" }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.GetAsync($"/api/v1/cases/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Entries()).ShouldBe(before);
    }

    [Fact]
    public async Task Emergency_access_is_logged_with_its_reason_flagged_and_limited_in_time()
    {
        var world = await AccessWorld.Create(app, $"n{app.Provider.ToString()[..2].ToLowerInvariant()}");
        var outsider = await world.Client(Samordna.Core.Staff.StaffRole.Caseworker, Relation.OtherUnit);
        (await outsider.GetAsync($"/api/v1/cases/{world.OtherCase}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var grant = await (await outsider.PostAsJsonAsync($"/api/v1/cases/{world.OtherCase}/emergency-access",
            new { reason = "Polisen ringer om akut fara i natt." })).Content.ReadFromJsonAsync<JsonElement>();
        (grant.GetProperty("expiresAt").GetDateTimeOffset() - grant.GetProperty("grantedAt").GetDateTimeOffset()).ShouldBe(TimeSpan.FromHours(4));
        var read = await outsider.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{world.OtherCase}");
        read.GetProperty("accessRoute").GetString().ShouldBe("emergencyAccess");

        var reviewer = await app.AddStaff(app.Asby.OrganisationId, $"granskare.{app.Provider}".ToLowerInvariant(),
            [(app.Asby.ViolenceTeam, Samordna.Core.Staff.StaffRole.AuditReviewer)]);
        var review = await app.SignedIn(reviewer.UserName);
        var flagged = await review.GetFromJsonAsync<JsonElement>($"/api/v1/audit/entries?check=emergencyAccess&case={world.OtherCase}");
        var actions = flagged.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        actions.ShouldContain("emergencyAccess");
        actions.ShouldContain("readCase");
        flagged.GetProperty("items").EnumerateArray().ShouldAllBe(e => e.GetProperty("purpose").GetString() == "Polisen ringer om akut fara i natt.");

        var findings = await review.GetFromJsonAsync<JsonElement>("/api/v1/audit/findings/emergencyAccess");
        findings.GetArrayLength().ShouldBeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public async Task Concurrent_writers_extend_one_chain_without_forks_or_gaps()
    {
        var clients = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => app.SignedIn(app.Asby.Caseworker)));
        var responses = await Task.WhenAll(Enumerable.Range(0, 24).Select(i =>
            clients[i % clients.Length].PostAsJsonAsync("/api/v1/people", new { identityKind = "none", pseudonym = $"Samtidig {i}", gender = "man" })));
        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Created);
        var (code, output) = await Verify();
        code.ShouldBe(0, output);
    }

    [Fact]
    public async Task Verify_streams_a_chain_in_batches_that_neither_skip_nor_repeat_an_entry_and_bring_each_its_subjects()
    {
        var client = await app.SignedIn(app.Asby.Caseworker);
        for (var i = 0; i < 5; i++)
            (await client.PostAsJsonAsync("/api/v1/people", new { identityKind = "none", pseudonym = $"Sats {i}", gender = "man" }))
                .StatusCode.ShouldBe(HttpStatusCode.Created);
        var whole = await app.InDatabase(db => db.Set<AuditEntry>().AsNoTracking().Where(e => e.OrganisationId == app.Asby.OrganisationId)
            .OrderBy(e => e.Sequence).ToListAsync());

        var streamed = new List<AuditEntry>();
        await app.InDatabase(async db =>
        {
            // Batches of two: odd and even lengths both end inside the last batch.
            await foreach (var entry in new AuditVerification(db, batchSize: 2).Chain(app.Asby.OrganisationId, upTo: null, CancellationToken.None))
                streamed.Add(entry);
            db.ChangeTracker.Entries().ShouldBeEmpty("nothing read for verifying is kept by the context");
            return 0;
        });
        streamed.Select(e => (e.Sequence, e.Id, e.Subjects.Count)).ShouldBe(whole.Select(e => (e.Sequence, e.Id, e.Subjects.Count)));
        streamed.ShouldContain(e => e.Subjects.Count > 0);

        var upTo = await app.InDatabase(async db =>
        {
            var count = 0;
            await foreach (var _ in new AuditVerification(db, batchSize: 2).Chain(app.Asby.OrganisationId, upTo: 3, CancellationToken.None)) count++;
            return count;
        });
        upTo.ShouldBe(3);
    }

    [Fact]
    public async Task The_log_refuses_changes_through_the_application()
    {
        var client = await app.SignedIn(app.Asby.Caseworker);
        (await client.GetAsync("/api/v1/cases")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Samordna.Data.SamordnaDbContext>();
        var entry = await db.Set<AuditEntry>().FirstAsync();
        db.Entry(entry).Property(e => e.Purpose).CurrentValue = "efterhandskonstruktion";
        await Should.ThrowAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    private async Task<(int Code, string Output)> Verify()
    {
        var output = new StringWriter();
        var code = await CliApp.Run(["audit", "verify", "--provider", app.Provider.ToString(), "--connection", app.ConnectionString], output, output);
        return (code, output.ToString());
    }

    /// <summary>What someone with direct database access could do, past the application's rules.</summary>
    private Task Sql(FormattableString sql) => app.InDatabase(db => db.Database.ExecuteSqlAsync(sql));
}

public sealed class AuditLogOnSqlite(SqliteApp app) : AuditLogTests(app), IClassFixture<SqliteApp>;

public sealed class AuditLogOnPostgres(PostgresApp app) : AuditLogTests(app), IClassFixture<PostgresApp>;

/// <summary>Tampering with the stored log, as someone with database access could; a database of its own, since it breaks the chain.</summary>
public abstract class AuditTamperTests(SamordnaApp app)
{
    [Fact]
    public async Task Verify_finds_the_log_intact_then_names_an_entry_changed_by_one_byte_a_deleted_one_and_a_deleted_tail()
    {
        var client = await app.SignedIn(app.Asby.Caseworker);
        for (var i = 0; i < 4; i++)
            (await client.PostAsJsonAsync("/api/v1/people", new { identityKind = "none", pseudonym = $"Kedja {i}", gender = "woman" }))
                .StatusCode.ShouldBe(HttpStatusCode.Created);

        var (code, output) = await Verify();
        code.ShouldBe(0, output);
        output.ShouldContain("intact");

        var chain = await app.InDatabase(db => db.Set<AuditEntry>().Where(e => e.OrganisationId == app.Asby.OrganisationId)
            .OrderBy(e => e.Sequence).Select(e => new { e.Id, e.Sequence, e.ActorName }).ToListAsync());
        chain.Count.ShouldBeGreaterThanOrEqualTo(4);

        // One byte of one stored entry: the first letter of the actor's name.
        var altered = chain[1];
        var changedName = (altered.ActorName[0] == 'X' ? 'Y' : 'X') + altered.ActorName[1..];
        await Sql($"UPDATE audit_entries SET actor_name = {changedName} WHERE id = {altered.Id}");
        (code, output) = await Verify();
        code.ShouldBe(1);
        output.ShouldContain($"entry {altered.Id} (sequence {altered.Sequence}): the content does not match its hash (altered)");
        await Sql($"UPDATE audit_entries SET actor_name = {altered.ActorName} WHERE id = {altered.Id}");
        (await Verify()).Code.ShouldBe(0);

        var deleted = chain[2];
        await Sql($"DELETE FROM audit_subjects WHERE entry_id = {deleted.Id}");
        await Sql($"DELETE FROM audit_entries WHERE id = {deleted.Id}");
        (code, output) = await Verify();
        code.ShouldBe(1);
        output.ShouldContain($"sequence {deleted.Sequence}: the entry is missing (deleted)");

        var last = await app.InDatabase(db => db.Set<AuditEntry>().Where(e => e.OrganisationId == app.Asby.OrganisationId)
            .OrderByDescending(e => e.Sequence).Select(e => e.Id).FirstAsync());
        await Sql($"DELETE FROM audit_subjects WHERE entry_id = {last}");
        await Sql($"DELETE FROM audit_entries WHERE id = {last}");
        (code, output) = await Verify();
        output.ShouldContain("entries at the end deleted");
    }

    private async Task<(int Code, string Output)> Verify()
    {
        var output = new StringWriter();
        var code = await CliApp.Run(["audit", "verify", "--provider", app.Provider.ToString(), "--connection", app.ConnectionString], output, output);
        return (code, output.ToString());
    }

    /// <summary>What someone with the owner's rights could do, past the application's rules and the append-only triggers.</summary>
    private Task Sql(FormattableString sql) => app.Tamper(sql);
}

public sealed class AuditTamperOnSqlite(SqliteApp app) : AuditTamperTests(app), IClassFixture<SqliteApp>;

public sealed class AuditTamperOnPostgres(PostgresApp app) : AuditTamperTests(app), IClassFixture<PostgresApp>;
