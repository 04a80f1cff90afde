using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Samordna.Core;
using Samordna.Core.Audit;
using Samordna.Core.Cases;

namespace Samordna.Data;

/// <summary>
/// The one database of Samordna. Provider-specific subclasses below exist only so that each provider
/// has its own migration set (Migrations/Sqlite, Migrations/Npgsql); the model is the same.
/// </summary>
public abstract class SamordnaDbContext(DbContextOptions options)
    : IdentityDbContext<StaffAccount, IdentityRole<Guid>, Guid>(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(SamordnaDbContext).Assembly);
        // Ids are made by the domain (UUID v7), never by the database: an entity with an id is not "already stored".
        foreach (var entity in builder.Model.GetEntityTypes().Where(t => typeof(Entity).IsAssignableFrom(t.ClrType)))
            builder.Entity(entity.ClrType).Property(nameof(Entity.Id)).ValueGeneratedNever();
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        // Kinds and statuses are stored by name: readable in SQL and stable when an enum gains a member.
        configuration.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <summary>
    /// Saves the unit of work; new audit entries in it get their derived flags and are stored in the same
    /// transaction, so a change is never stored without its audit entry, nor an audit entry without its
    /// change. They are stored unsealed (sequence 0): the sequencer (<see cref="AuditSealing"/>) puts them
    /// into the municipality's chain in batches afterwards, so requests do not queue on the chain head.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        PrepareChanges();
        var audit = ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        // Flags and the nödåtkomst reason come from the entries' subjects here, at the one depth every write passes.
        if (audit.Count > 0) await AuditDerivation.Derive(this, audit, cancellationToken);
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// Two rules no code path may get around: the journal is append-only, and every update of an
    /// aggregate bumps its version (the original version goes into the UPDATE's WHERE clause, so a
    /// concurrent writer that read the same version gets a concurrency exception instead of winning silently).
    /// </summary>
    private void PrepareChanges()
    {
        foreach (var entry in ChangeTracker.Entries().ToList())
        {
            if (entry is { Entity: JournalEntry, State: EntityState.Modified or EntityState.Deleted })
                throw new InvalidOperationException("Journal entries are append-only: write a correction instead.");
            if (entry is { Entity: AuditEntry or AuditSubject, State: EntityState.Modified or EntityState.Deleted } && !IsSealing(entry))
                throw new InvalidOperationException("The audit log is append-only.");
            if (entry is { State: EntityState.Added or EntityState.Modified, Entity: not (AuditEntry or AuditSubject) })
                NormalizeText(entry);
            if (entry is { Entity: Aggregate, State: EntityState.Modified } || (entry.Entity is Aggregate && HasChangedOwnedParts(entry)))
            {
                var version = entry.Property(nameof(Aggregate.Version));
                version.CurrentValue = (long)version.OriginalValue! + 1;
            }
        }
    }

    /// <summary>
    /// Every text is stored by the one text rule (<see cref="TextRule.Normalize"/>: NFC, trimmed), whatever
    /// code path wrote it, so "Åsa" typed with a combining ring and "Åsa" are one name to search and match.
    /// The audit log is left exactly as written: its entries are hashed into the chain.
    /// </summary>
    private static void NormalizeText(EntityEntry entry)
    {
        foreach (var property in entry.Properties)
        {
            if (property.CurrentValue is not string text || property.Metadata.IsKey() || property.Metadata.IsConcurrencyToken) continue;
            if (entry.State == EntityState.Modified && !property.IsModified) continue;
            // The last guard for a text no validator looked at: a control character (a NUL, which PostgreSQL
            // cannot store, an escape sequence) is refused here as a field error, not stored or crashed on.
            if (TextRule.ProblemOf(text, TextKind.FreeText) is { } problem && !string.IsNullOrWhiteSpace(text))
                throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure(
                    System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(property.Metadata.Name), problem)]);
            var normalized = TextRule.Normalize(text);
            if (!string.Equals(normalized, text, StringComparison.Ordinal)) property.CurrentValue = normalized;
            // And for a text longer than its column, which PostgreSQL refuses with an error and SQLite would store:
            // a field error on both, whichever validator forgot the length.
            if (property.Metadata.GetMaxLength() is { } max && normalized!.Length > max)
                throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure(
                    System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(property.Metadata.Name), $"Högst {max} tecken.")]);
        }
    }

    /// <summary>The one change an audit entry may see: an unsealed entry gets its place in the chain, and nothing else changes.</summary>
    private static bool IsSealing(EntityEntry entry) =>
        entry is { Entity: AuditEntry, State: EntityState.Modified } &&
        (string)entry.Property(nameof(AuditEntry.Hash)).OriginalValue! == "" &&
        entry.Properties.Where(p => p.IsModified).All(p => p.Metadata.Name is nameof(AuditEntry.Sequence) or nameof(AuditEntry.PreviousHash) or nameof(AuditEntry.Hash));

    // An aggregate whose only change is a new child row (a party added to a case) still gets a new
    // version, so a client holding the old version cannot overwrite the case as if nothing happened.
    private static bool HasChangedOwnedParts(EntityEntry entry) =>
        entry.State == EntityState.Unchanged &&
        entry.Navigations.Any(n => n is CollectionEntry { CurrentValue: not null } c &&
            c.CurrentValue.Cast<object>().Any(child => c.FindEntry(child) is { State: EntityState.Added or EntityState.Deleted or EntityState.Modified }));
}

public sealed class SqliteSamordnaDbContext(DbContextOptions<SqliteSamordnaDbContext> options) : SamordnaDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        base.ConfigureConventions(configuration);
        // SQLite has no time type that sorts; all instants are UTC, stored exactly as UTC ticks (a sortable integer).
        configuration.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }
}

public sealed class NpgsqlSamordnaDbContext(DbContextOptions<NpgsqlSamordnaDbContext> options) : SamordnaDbContext(options);

/// <summary>An instant as its UTC ticks: exact to 100 ns and ordered like time. For SQLite.</summary>
internal sealed class UtcTicksConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTimeOffset, long>(
    instant => instant.UtcTicks, ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
