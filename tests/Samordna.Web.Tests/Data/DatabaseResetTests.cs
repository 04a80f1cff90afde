using Microsoft.EntityFrameworkCore;
using Npgsql;
using Samordna.Core.Classification;
using Samordna.Web.Tests.Infrastructure;

namespace Samordna.Web.Tests.Data;

/// <summary>
/// The pooled test databases are emptied by the schema owner between fixtures: every table the application
/// writes is empty afterwards (the audit log too, which the application itself may never empty), and what
/// the migrations wrote stays.
/// </summary>
public sealed class DatabaseResetTests(DatabaseResetTests.App app) : IClassFixture<DatabaseResetTests.App>
{
    /// <summary>A fixture of its own: the test empties the database the host runs on.</summary>
    public sealed class App : PostgresApp;

    [Fact]
    public async Task The_owner_empties_every_written_table_and_keeps_the_migrations_rows()
    {
        var client = await app.SignedIn(app.Asby.Caseworker);
        (await client.GetAsync("/api/v1/cases")).EnsureSuccessStatusCode();
        await app.SealAudit();
        (await Counts()).Where(c => c.Rows > 0).Select(c => c.Table).ShouldContain("audit_entries");

        await app.EmptyAsOwner();

        var counts = await Counts();
        counts.Where(c => c.Table is not ("__EFMigrationsHistory" or "classification_terms")).ShouldAllBe(c => c.Rows == 0);
        counts.Single(c => c.Table == "classification_terms").Rows.ShouldBe(DefaultClassification.Terms.Count);
        counts.Single(c => c.Table == "__EFMigrationsHistory").Rows.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task The_application_role_may_not_empty_the_log_the_way_the_owner_resets_it()
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var truncate = new NpgsqlCommand("TRUNCATE audit_entries, audit_subjects", connection);
        var refused = await Should.ThrowAsync<PostgresException>(() => truncate.ExecuteNonQueryAsync());
        refused.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
    }

    private async Task<List<(string Table, long Rows)>> Counts()
    {
        await using var connection = new NpgsqlConnection(app.OwnerConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()", connection))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        var counts = new List<(string, long)>();
        foreach (var table in tables)
        {
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM \"{table}\"", connection); // names from pg_tables
            counts.Add((table, (long)(await count.ExecuteScalarAsync())!));
        }
        return counts;
    }
}
