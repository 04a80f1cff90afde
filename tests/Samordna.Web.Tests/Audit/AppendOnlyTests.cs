using System.Net;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Npgsql;
using Samordna.Cli;
using Samordna.Core.Audit;
using Samordna.Data;
using Samordna.Web.Tests.Infrastructure;

namespace Samordna.Web.Tests.Audit;

/// <summary>
/// The audit log is append-only in the database itself, not only in <see cref="SamordnaDbContext"/>: raw SQL
/// that changes or deletes a sealed entry or subject is refused (AuditAppendOnly migration, and on
/// PostgreSQL the application role's privileges), while the application still appends.
/// </summary>
public abstract class AppendOnlyTests(SamordnaApp app)
{
    protected SamordnaApp App => app;

    /// <summary>The statements someone with the application's connection would try, one per table and operation.</summary>
    protected static IEnumerable<(string What, FormattableString Sql)> Changes(Guid entryId, long subjectId) =>
    [
        ("UPDATE audit_entries", $"UPDATE audit_entries SET purpose = 'efterhandskonstruktion' WHERE id = {entryId}"),
        ("DELETE audit_entries", $"DELETE FROM audit_entries WHERE id = {entryId}"),
        ("UPDATE audit_subjects", $"UPDATE audit_subjects SET case_id = NULL, person_id = NULL WHERE id = {subjectId}"),
        ("DELETE audit_subjects", $"DELETE FROM audit_subjects WHERE id = {subjectId}"),
    ];

    /// <summary>A fresh sealed entry with a subject, appended through the API by the application.</summary>
    protected async Task<(Guid EntryId, long SubjectId)> AnEntryWithASubject()
    {
        var client = await app.SignedIn(app.Asby.Caseworker);
        (await client.PostAsJsonAsync("/api/v1/people", new { identityKind = "none", pseudonym = $"Loggad {Guid.NewGuid():N}", gender = "woman" }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        var subject = await app.InDatabase(db => db.Set<AuditSubject>().AsNoTracking().OrderByDescending(s => s.Id).FirstAsync());
        // The statements below must hit a row: a row trigger says nothing about a WHERE that matches none.
        (await app.InDatabase(db => db.Database.SqlQuery<int>($"SELECT COUNT(*) AS \"Value\" FROM audit_entries WHERE id = {subject.EntryId}").SingleAsync()))
            .ShouldBe(1);
        (await app.InDatabase(db => db.Database.SqlQuery<int>($"SELECT COUNT(*) AS \"Value\" FROM audit_subjects WHERE id = {subject.Id}").SingleAsync()))
            .ShouldBe(1);
        return (subject.EntryId, subject.Id);
    }

    protected async Task ShouldBeUnchanged(Guid entryId, long subjectId, AuditEntry before)
    {
        var after = await app.InDatabase(db => db.Set<AuditEntry>().AsNoTracking().SingleAsync(e => e.Id == entryId));
        after.Purpose.ShouldBe(before.Purpose);
        after.Hash.ShouldBe(before.Hash);
        after.Subjects.Select(s => (s.Id, s.CaseId, s.PersonId)).ShouldBe(before.Subjects.Select(s => (s.Id, s.CaseId, s.PersonId)));
        after.Subjects.ShouldContain(s => s.Id == subjectId);
    }

    protected Task<AuditEntry> Stored(Guid entryId) =>
        app.InDatabase(db => db.Set<AuditEntry>().AsNoTracking().SingleAsync(e => e.Id == entryId));

    [Fact]
    public async Task The_application_still_appends_sealed_entries()
    {
        var before = await app.InDatabase(db => db.Set<AuditEntry>().CountAsync());
        var (entryId, _) = await AnEntryWithASubject();
        (await app.InDatabase(db => db.Set<AuditEntry>().CountAsync())).ShouldBeGreaterThan(before);
        var entry = await Stored(entryId);
        entry.Hash.ShouldNotBeNullOrEmpty();
        entry.Sequence.ShouldBeGreaterThan(0);
    }
}

public sealed class AppendOnlyOnSqlite(SqliteApp app) : AppendOnlyTests(app), IClassFixture<SqliteApp>
{
    [Fact]
    public async Task The_triggers_refuse_to_change_or_delete_audit_entries_and_subjects()
    {
        var (entryId, subjectId) = await AnEntryWithASubject();
        var before = await Stored(entryId);
        foreach (var (what, sql) in Changes(entryId, subjectId))
        {
            var refused = await Should.ThrowAsync<SqliteException>(() => App.InDatabase(db => db.Database.ExecuteSqlAsync(sql)), what);
            refused.Message.ShouldContain("the audit log is append-only", Shouldly.Case.Insensitive, what);
        }
        await ShouldBeUnchanged(entryId, subjectId, before);
    }

    [Fact]
    public async Task An_application_role_is_a_clear_error_on_sqlite_which_has_no_roles()
    {
        var error = new StringWriter();
        (await CliApp.Run(["migrate", "--provider", "Sqlite", "--connection", App.OwnerConnectionString, "--application-role", "samordna_app"],
            new StringWriter(), error)).ShouldBe(2);
        error.ToString().ShouldContain("only to PostgreSQL");

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Samordna:Database:Provider"] = "Sqlite",
            ["Samordna:Database:ApplicationRole"] = "samordna_app",
        }).Build();
        Should.Throw<InvalidOperationException>(() => DatabaseSettings.From(configuration)).Message.ShouldContain("only to PostgreSQL");
    }
}

public sealed class AppendOnlyOnPostgres(PostgresApp app) : AppendOnlyTests(app), IClassFixture<PostgresApp>
{
    [Fact]
    public async Task The_host_connects_as_a_role_that_is_neither_superuser_nor_owner()
    {
        var who = await App.InDatabase(db => db.Database.SqlQuery<string>($"SELECT current_user AS \"Value\"").SingleAsync());
        who.ShouldBe(PostgresApp.ApplicationRole);
        (await App.InDatabase(db => db.Database.SqlQuery<bool>($"SELECT rolsuper AS \"Value\" FROM pg_roles WHERE rolname = current_user").SingleAsync()))
            .ShouldBeFalse();
        (await App.InDatabase(db => db.Database.SqlQuery<string>($"SELECT tableowner AS \"Value\" FROM pg_tables WHERE tablename = 'audit_entries'").SingleAsync()))
            .ShouldNotBe(who);
    }

    [Fact]
    public async Task The_application_role_is_refused_update_delete_and_truncate_on_audit_rows()
    {
        var (entryId, subjectId) = await AnEntryWithASubject();
        var before = await Stored(entryId);
        foreach (var (what, sql) in Changes(entryId, subjectId).Append(("TRUNCATE", (FormattableString)$"TRUNCATE audit_entries, audit_subjects")))
        {
            var refused = await Should.ThrowAsync<PostgresException>(() => App.InDatabase(db => db.Database.ExecuteSqlAsync(sql)), what);
            refused.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege, what);
            refused.MessageText.ShouldContain("permission denied", Shouldly.Case.Insensitive, what);
        }
        await ShouldBeUnchanged(entryId, subjectId, before);

        // Positive control: the same connection may change the tables of the work, and the chain head the sealing moves on.
        (await App.InDatabase(db => db.Database.ExecuteSqlAsync($"UPDATE organisations SET name = name WHERE id = {App.Asby.OrganisationId}")))
            .ShouldBe(1);
        (await App.InDatabase(db => db.Database.ExecuteSqlAsync($"UPDATE audit_chain_heads SET last_hash = last_hash WHERE organisation_id = {App.Asby.OrganisationId}")))
            .ShouldBe(1);
    }

    [Fact]
    public async Task The_trigger_refuses_the_owner_too_but_lets_the_owner_truncate()
    {
        var (entryId, subjectId) = await AnEntryWithASubject();
        var before = await Stored(entryId);
        foreach (var (what, sql) in Changes(entryId, subjectId))
        {
            var refused = await Should.ThrowAsync<PostgresException>(() => App.AsOwner(db => db.Database.ExecuteSqlAsync(sql)), what);
            refused.SqlState.ShouldBe(PostgresErrorCodes.RaiseException, what);
            refused.MessageText.ShouldContain("the audit log is append-only", Shouldly.Case.Sensitive, what);
        }
        await ShouldBeUnchanged(entryId, subjectId, before);

        // No TRUNCATE trigger: the owner resets a database that way (rolled back here, the log stays).
        await App.AsOwner(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.Database.ExecuteSqlAsync($"TRUNCATE audit_entries, audit_subjects");
            (await db.Set<AuditEntry>().CountAsync()).ShouldBe(0);
            await transaction.RollbackAsync();
            return 0;
        });
        await ShouldBeUnchanged(entryId, subjectId, before);
    }

    [Fact]
    public async Task Migrate_grants_the_application_role_only_reading_and_appending_on_the_log_and_again_the_same()
    {
        var output = new StringWriter();
        (await CliApp.Run(["migrate", "--provider", "PostgreSQL", "--connection", App.OwnerConnectionString,
            "--application-role", PostgresApp.ApplicationRole], output, output)).ShouldBe(0, output.ToString());
        output.ToString().ShouldContain("up to date");

        var grants = (await App.AsOwner(db => db.Database.SqlQuery<Grant>($"""
                SELECT table_name AS "Table", privilege_type AS "Privilege" FROM information_schema.role_table_grants
                WHERE grantee = {PostgresApp.ApplicationRole} AND table_schema = current_schema()
                """).ToListAsync()))
            .GroupBy(g => g.Table).ToDictionary(g => g.Key, g => g.Select(x => x.Privilege).Order().ToList());

        grants["audit_entries"].ShouldBe(["INSERT", "SELECT"]);
        grants["audit_subjects"].ShouldBe(["INSERT", "SELECT"]);
        grants["audit_chain_heads"].ShouldBe(["INSERT", "SELECT", "UPDATE"]);
        grants["__EFMigrationsHistory"].ShouldBe(["SELECT"]);
        grants["cases"].ShouldBe(["DELETE", "INSERT", "SELECT", "UPDATE"]);
        grants["journal_entries"].ShouldBe(["DELETE", "INSERT", "SELECT", "UPDATE"]);
        grants.Values.SelectMany(p => p).ShouldAllBe(p => p == "SELECT" || p == "INSERT" || p == "UPDATE" || p == "DELETE");
        var tables = await App.AsOwner(db => db.Database.SqlQuery<string>(
            $"SELECT tablename AS \"Value\" FROM pg_tables WHERE schemaname = current_schema()").ToListAsync());
        grants.Keys.ShouldBe(tables, ignoreOrder: true);
    }

    [Fact]
    public async Task Migrate_refuses_an_application_role_that_could_still_change_the_log()
    {
        var owner = new NpgsqlConnectionStringBuilder(App.OwnerConnectionString).Username!;
        var error = new StringWriter();
        (await CliApp.Run(["migrate", "--provider", "PostgreSQL", "--connection", App.OwnerConnectionString, "--application-role", owner],
            new StringWriter(), error)).ShouldBe(CliApp.ExitCodes.CouldNotRun);
        error.ToString().ShouldContain("could still change or delete audit entries");
    }

    private sealed class Grant
    {
        public string Table { get; set; } = "";
        public string Privilege { get; set; } = "";
    }
}
