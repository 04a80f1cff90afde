using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Samordna.Cli;
using Samordna.Core.Audit;
using Samordna.Web.Tests.Infrastructure;

namespace Samordna.Web.Tests.Audit;

/// <summary>
/// Tampering that the hash chain alone cannot see — a rewrite with every hash and the chain head
/// recomputed, a deleted tail with the head moved back — made as the database superuser, past triggers
/// (<c>session_replication_role = replica</c>), which is what an attacker with owner rights can do. A
/// signed checkpoint written before must name each one. Every test has a database of its own, since
/// verify reads every chain and a tamper stays.
/// </summary>
public sealed class AuditCheckpointTests : IAsyncLifetime
{
    private readonly PostgresApp _app = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("samordna-checkpoints-").FullName;
    private string KeyFile => Path.Combine(_folder, "audit.key");
    private string Checkpoints => Path.Combine(_folder, "checkpoints");
    private string Witness => Path.Combine(_folder, "witness");
    private Guid Organisation => _app.Asby.OrganisationId;

    public async Task InitializeAsync()
    {
        await _app.InitializeAsync();
        var client = await _app.SignedIn(_app.Asby.Caseworker);
        for (var i = 0; i < 6; i++)
            (await client.PostAsJsonAsync("/api/v1/people", new { identityKind = "none", pseudonym = $"Kontroll {i}", gender = "woman" }))
                .StatusCode.ShouldBe(HttpStatusCode.Created);
        (await Cli("audit", "keygen", "--out", KeyFile)).Code.ShouldBe(0);
        var (code, output) = await Cli("audit", "checkpoint", "--key", KeyFile, "--directory", Checkpoints, "--witness-directory", Witness);
        code.ShouldBe(0, output);
        output.ShouldContain($"organisation {Organisation}: checkpoint at");
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await ((IAsyncLifetime)_app).DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_clean_log_verifies_against_its_checkpoint_and_its_witness_copy()
    {
        var (code, output) = await VerifyWithCheckpoints();
        code.ShouldBe(0, output);
        output.ShouldContain("intact");
        output.ShouldContain("1 checkpoint(s) proven");
        (code, output) = await Cli(["audit", "verify", "--checkpoints", Witness, "--public-key", KeyFile + ".pub", .. Database]);
        code.ShouldBe(0, output);
        File.ReadAllText(Directory.GetFiles(Path.Combine(Checkpoints, Organisation.ToString()), "*.checkpoint").Single())
            .ShouldStartWith($"samordna.audit/{Organisation}\n");
    }

    [Fact]
    public async Task The_key_file_is_readable_by_its_owner_only_and_never_overwritten()
    {
        if (!OperatingSystem.IsWindows()) File.GetUnixFileMode(KeyFile).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var before = await File.ReadAllTextAsync(KeyFile);
        (await Cli("audit", "keygen", "--out", KeyFile)).Code.ShouldBe(CliApp.ExitCodes.CouldNotRun);
        (await File.ReadAllTextAsync(KeyFile)).ShouldBe(before);
    }

    [Fact]
    public async Task One_byte_changed_in_an_entry_is_named()
    {
        var entry = (await Chain())[2];
        var changed = (entry.ActorName[0] == 'X' ? 'Y' : 'X') + entry.ActorName[1..];
        await Tamper("UPDATE audit_entries SET actor_name = $1 WHERE id = $2", changed, entry.Id);

        var (code, output) = await VerifyWithCheckpoints();
        code.ShouldBe(1);
        output.ShouldContain($"entry {entry.Id} (sequence {entry.Sequence}): the content does not match its hash (altered)");
        output.ShouldContain($"entry {entry.Id} (sequence {entry.Sequence}): the first entry that differs from the checkpointed log");
    }

    [Fact]
    public async Task A_deleted_middle_row_is_named()
    {
        var chain = await Chain();
        var deleted = chain[3];
        await Delete(deleted.Id);

        var (code, output) = await VerifyWithCheckpoints();
        code.ShouldBe(1);
        output.ShouldContain($"sequence {deleted.Sequence}: the entry is missing (deleted)");
        output.ShouldContain($"entry {chain[4].Id} (sequence {chain[4].Sequence}): the first entry that differs from the checkpointed log");
    }

    [Fact]
    public async Task A_deleted_tail_with_the_head_moved_back_passes_the_chain_but_not_the_checkpoint()
    {
        var chain = await Chain();
        var kept = chain[^3];
        foreach (var entry in chain[^2..]) await Delete(entry.Id);
        await Tamper("UPDATE audit_chain_heads SET last_sequence = $1, last_hash = $2 WHERE organisation_id = $3", kept.Sequence, kept.Hash, Organisation);

        var (code, output) = await Cli(["audit", "verify", .. Database]);
        code.ShouldBe(0, "the chain alone cannot see this; if it can now, this test should say so: " + output);

        (code, output) = await VerifyWithCheckpoints();
        code.ShouldBe(1);
        output.ShouldContain($"the log ends at {kept.Sequence} but checkpoint {chain[^1].Sequence}.checkpoint recorded {chain[^1].Sequence} entries (entries at the end deleted)");
    }

    [Fact]
    public async Task A_forged_entry_inserted_with_the_whole_chain_recomputed_is_named()
    {
        var chain = await Chain();
        var at = chain[2].Sequence;
        await Renumber(from: at, by: +1);
        var forged = Guid.CreateVersion7();
        await Tamper("""
            INSERT INTO audit_entries (id, organisation_id, sequence, at, staff_member_id, actor_name, role, unit_id, action, purpose, client_address, flags, previous_hash, hash)
            SELECT $1, organisation_id, $2, at, staff_member_id, 'Efterhand Konstruerad', role, unit_id, action, purpose, client_address, flags, '', ''
            FROM audit_entries WHERE id = $3
            """, forged, at, chain[1].Id);
        await Rechain();

        var (code, output) = await Cli(["audit", "verify", .. Database]);
        code.ShouldBe(0, "the recomputed chain is self-consistent: " + output);

        (code, output) = await VerifyWithCheckpoints();
        code.ShouldBe(1);
        output.ShouldContain($"entry {forged} (sequence {at}): the first entry that differs from the checkpointed log");
        output.ShouldContain($"does not hash to the head of checkpoint {chain[^1].Sequence}.checkpoint");
    }

    [Fact]
    public async Task Entries_deleted_with_the_chain_recomputed_are_named()
    {
        var chain = await Chain();
        await Delete(chain[1].Id);
        await Delete(chain[2].Id);
        await Renumber(from: chain[3].Sequence, by: -2);
        await Rechain();

        var (code, output) = await Cli(["audit", "verify", .. Database]);
        code.ShouldBe(0, "the recomputed chain is self-consistent: " + output);

        (code, output) = await VerifyWithCheckpoints();
        code.ShouldBe(1);
        output.ShouldContain($"entry {chain[3].Id} (sequence {chain[1].Sequence}): the first entry that differs from the checkpointed log");
        output.ShouldContain("entries at the end deleted");
    }

    [Fact]
    public async Task No_checkpoint_is_written_for_a_log_that_does_not_verify_against_the_last_one()
    {
        var chain = await Chain();
        await Delete(chain[1].Id);
        await Renumber(from: chain[2].Sequence, by: -1);
        await Rechain();
        var client = await _app.SignedIn(_app.Asby.Caseworker);
        (await client.PostAsJsonAsync("/api/v1/people", new { identityKind = "none", pseudonym = "Efter", gender = "man" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var before = Directory.GetFiles(Checkpoints, "*", SearchOption.AllDirectories).Select(f => (f, File.ReadAllText(f))).ToList();

        var (code, output) = await Cli("audit", "checkpoint", "--key", KeyFile, "--directory", Checkpoints);
        code.ShouldBe(1);
        output.ShouldContain($"entry {chain[2].Id} (sequence {chain[1].Sequence}): the first entry that differs from the checkpointed log");
        output.ShouldContain("no checkpoint written");
        Directory.GetFiles(Checkpoints, "*", SearchOption.AllDirectories).Select(f => (f, File.ReadAllText(f))).ToList().ShouldBe(before);
    }

    [Fact]
    public async Task Malformed_checkpoints_are_each_named()
    {
        var file = Directory.GetFiles(Path.Combine(Checkpoints, Organisation.ToString()), "*.checkpoint").Single();
        var text = await File.ReadAllTextAsync(file);
        var folder = Path.Combine(_folder, "malformed", Organisation.ToString());
        Directory.CreateDirectory(folder);
        File.Copy(Path.Combine(Checkpoints, Organisation.ToString(), CheckpointDirectory.WitnessedFile), Path.Combine(folder, CheckpointDirectory.WitnessedFile));

        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        bytes[^5] ^= 0x01; // inside the base64 of the signature
        await File.WriteAllBytesAsync(Path.Combine(folder, "flipped.checkpoint"), bytes);
        var lines = text.Split('\n');
        await File.WriteAllTextAsync(Path.Combine(folder, "size.checkpoint"), text.Replace($"\n{lines[1]}\n", $"\n{long.Parse(lines[1]) - 1}\n"));
        await File.WriteAllTextAsync(Path.Combine(folder, "truncated.checkpoint"), text[..(text.Length / 2)]);
        using var other = CheckpointSigningKey.Generate("samordna-audit");
        var opened = AuditCheckpoint.Open(text, [CheckpointVerifierKey.Load(KeyFile + ".pub")]).Checkpoint!;
        await File.WriteAllTextAsync(Path.Combine(folder, "other.checkpoint"), opened.Sign(other));

        var (code, output) = await Cli(["audit", "verify", "--checkpoints", Path.Combine(_folder, "malformed"), "--public-key", KeyFile + ".pub", .. Database]);
        code.ShouldBe(1);
        output.ShouldContain("flipped.checkpoint: ");
        output.ShouldContain("size.checkpoint: the signature by samordna-audit does not verify");
        output.ShouldContain("truncated.checkpoint: malformed");
        output.ShouldContain($"other.checkpoint: signed only by unknown key(s) samordna-audit+{other.Public.Id:x8}");
        output.Split('\n').Count(l => l.StartsWith("checkpoint ")).ShouldBe(4, output);

        // Rotation: with the other key's public half given too, its checkpoint is proven like the first.
        var otherPublic = Path.Combine(_folder, "other.pub");
        await File.WriteAllTextAsync(otherPublic, other.Public + "\n");
        File.Delete(Path.Combine(folder, "flipped.checkpoint"));
        File.Delete(Path.Combine(folder, "size.checkpoint"));
        File.Delete(Path.Combine(folder, "truncated.checkpoint"));
        (code, output) = await Cli(["audit", "verify", "--checkpoints", Path.Combine(_folder, "malformed"), "--public-key", KeyFile + ".pub", "--public-key", otherPublic, .. Database]);
        code.ShouldBe(0, output);
        output.ShouldContain("1 checkpoint(s) proven");
    }

    private string[] Database => ["--provider", _app.Provider.ToString(), "--connection", _app.ConnectionString];

    private Task<(int Code, string Output)> VerifyWithCheckpoints() =>
        Cli(["audit", "verify", "--checkpoints", Checkpoints, "--public-key", KeyFile + ".pub", .. Database]);

    private async Task<(int Code, string Output)> Cli(params string[] args)
    {
        var output = new StringWriter();
        var withDatabase = args.Contains("--connection") || args[1] == "keygen" ? args : [.. args, .. Database];
        var code = await CliApp.Run(withDatabase, output, output);
        return (code, output.ToString());
    }

    private Task<List<AuditEntry>> Chain() => _app.InDatabase(db => db.Set<AuditEntry>().AsNoTracking()
        .Where(e => e.OrganisationId == Organisation).OrderBy(e => e.Sequence).ToListAsync());

    private async Task Delete(Guid entry)
    {
        await Tamper("DELETE FROM audit_subjects WHERE entry_id = $1", entry);
        await Tamper("DELETE FROM audit_entries WHERE id = $1", entry);
    }

    /// <summary>Moves every entry from <paramref name="from"/> on by <paramref name="by"/>; through negatives, since the (organisation, sequence) index is unique per row.</summary>
    private async Task Renumber(long from, long by)
    {
        await Tamper("UPDATE audit_entries SET sequence = -sequence WHERE organisation_id = $1 AND sequence >= $2", Organisation, from);
        await Tamper("UPDATE audit_entries SET sequence = -sequence + $2 WHERE organisation_id = $1 AND sequence < 0", Organisation, by);
    }

    /// <summary>Recomputes every hash and the chain head with the application's own hash (<see cref="AuditEntry.ComputeHash(string)"/>), as a careful attacker would.</summary>
    private async Task Rechain()
    {
        var previous = "";
        var chain = await Chain();
        foreach (var entry in chain)
        {
            var hash = entry.ComputeHash(previous);
            await Tamper("UPDATE audit_entries SET previous_hash = $1, hash = $2 WHERE id = $3", previous, hash, entry.Id);
            previous = hash;
        }
        await Tamper("UPDATE audit_chain_heads SET last_sequence = $1, last_hash = $2 WHERE organisation_id = $3", chain[^1].Sequence, previous, Organisation);
    }

    /// <summary>As the superuser, with triggers skipped: the database owner's power, beyond any rule of the application.</summary>
    private async Task Tamper(string sql, params object[] parameters)
    {
        // As the owner (the superuser of the test server): the application's own role may not skip the triggers.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_app.OwnerConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using (var replica = new NpgsqlCommand("SET session_replication_role = replica", connection)) await replica.ExecuteNonQueryAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters) command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>The web host writes checkpoints by itself: on demand of its timer and once more when it stops.</summary>
public sealed class AuditCheckpointHostTests
{
    private sealed class CheckpointingApp(string folder) : PostgresApp
    {
        public string Checkpoints => Path.Combine(folder, "checkpoints");
        public string Witness => Path.Combine(folder, "witness");
        public string KeyFile => Path.Combine(folder, "audit.key");

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Samordna:Audit:Checkpoints:KeyFile", KeyFile);
            builder.UseSetting("Samordna:Audit:Checkpoints:Directory", Checkpoints);
            builder.UseSetting("Samordna:Audit:Checkpoints:WitnessDirectory", Witness);
            builder.UseSetting("Samordna:Audit:Checkpoints:IntervalMinutes", "60");
        }
    }

    [Fact]
    public async Task The_host_writes_a_checkpoint_when_asked_and_another_when_it_stops()
    {
        var folder = Directory.CreateTempSubdirectory("samordna-host-checkpoints-").FullName;
        try
        {
            var app = new CheckpointingApp(folder);
            var output = new StringWriter();
            (await CliApp.Run(["audit", "keygen", "--out", app.KeyFile], output, output)).ShouldBe(0, output.ToString());
            await app.InitializeAsync();
            var organisation = app.Asby.OrganisationId;
            var client = await app.SignedIn(app.Asby.Caseworker);
            (await client.PostAsJsonAsync("/api/v1/people", new { identityKind = "none", pseudonym = "Värd 1", gender = "woman" })).StatusCode.ShouldBe(HttpStatusCode.Created);

            await app.Services.GetRequiredService<Samordna.Web.Audit.AuditCheckpointService>().Write(CancellationToken.None);
            var first = Directory.GetFiles(Path.Combine(app.Checkpoints, organisation.ToString()), "*.checkpoint").ShouldHaveSingleItem();

            (await client.PostAsJsonAsync("/api/v1/people", new { identityKind = "none", pseudonym = "Värd 2", gender = "woman" })).StatusCode.ShouldBe(HttpStatusCode.Created);
            var connection = app.ConnectionString;
            await app.DisposeAsync(); // stops the host (the database stays until the end)

            var written = Directory.GetFiles(Path.Combine(app.Checkpoints, organisation.ToString()), "*.checkpoint");
            written.Length.ShouldBe(2, "one more at shutdown");
            written.ShouldContain(first);
            Directory.GetFiles(Path.Combine(app.Witness, organisation.ToString()), "*.checkpoint").Length.ShouldBe(2);
            var code = await CliApp.Run(["audit", "verify", "--checkpoints", app.Checkpoints, "--public-key", app.KeyFile + ".pub",
                "--provider", "PostgreSQL", "--connection", connection], output, output);
            code.ShouldBe(0, output.ToString());
            output.ToString().ShouldContain("2 checkpoint(s) proven");
            await ((IAsyncLifetime)app).DisposeAsync();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void In_production_an_unreadable_key_file_stops_the_host_naming_the_setting()
    {
        using var app = new ProductionApp(Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.key"));
        var refusal = Should.Throw<InvalidOperationException>(() => app.Services);
        refusal.Message.ShouldContain("Samordna:Audit:Checkpoints:KeyFile");
    }

    private sealed class ProductionApp(string keyFile) : SqliteApp
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
            builder.UseSetting("Samordna:Audit:Checkpoints:KeyFile", keyFile);
            builder.UseSetting("Samordna:Audit:Checkpoints:Directory", Path.GetTempPath());
        }
    }
}
