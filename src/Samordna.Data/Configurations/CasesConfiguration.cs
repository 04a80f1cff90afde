using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samordna.Core.Cases;
using Samordna.Core.Organisations;
using Samordna.Core.People;
using Samordna.Core.Staff;

namespace Samordna.Data.Configurations;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> @case)
    {
        @case.ToTable("cases");
        @case.Property(c => c.Version).IsConcurrencyToken();
        @case.Property(c => c.Summary).HasMaxLength(2_000);
        @case.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        @case.HasOne<Unit>().WithMany().HasForeignKey(c => c.OwningUnitId).OnDelete(DeleteBehavior.Restrict);
        @case.HasOne<Person>().WithMany().HasForeignKey(c => c.SubjectPersonId).OnDelete(DeleteBehavior.Restrict);
        @case.HasOne<StaffMember>().WithMany().HasForeignKey(c => c.ResponsibleStaffId).OnDelete(DeleteBehavior.Restrict);
        @case.HasOne<StaffMember>().WithMany().HasForeignKey(c => c.OpenedBy).OnDelete(DeleteBehavior.Restrict);
        @case.HasOne<CaseGroup>().WithMany().HasForeignKey(c => c.CaseGroupId).OnDelete(DeleteBehavior.Restrict);
        @case.HasMany(c => c.Parties).WithOne().HasForeignKey(p => p.CaseId).OnDelete(DeleteBehavior.Cascade);
        @case.HasIndex(c => new { c.OrganisationId, c.OwningUnitId, c.Id });
        @case.HasIndex(c => c.SubjectPersonId);
        @case.HasIndex(c => c.CaseGroupId);
    }
}

internal sealed class CasePartyConfiguration : IEntityTypeConfiguration<CaseParty>
{
    public void Configure(EntityTypeBuilder<CaseParty> party)
    {
        party.ToTable("case_parties");
        party.HasOne<Person>().WithMany().HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Restrict);
        party.HasIndex(p => new { p.CaseId, p.PersonId }).IsUnique();
        party.HasIndex(p => p.PersonId);
    }
}

internal sealed class CaseGroupConfiguration : IEntityTypeConfiguration<CaseGroup>
{
    public void Configure(EntityTypeBuilder<CaseGroup> group)
    {
        group.ToTable("case_groups");
        group.Property(g => g.Version).IsConcurrencyToken();
        group.Property(g => g.Label).HasMaxLength(100);
        group.HasOne<Organisation>().WithMany().HasForeignKey(g => g.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class JournalEntryConfiguration : IEntityTypeConfiguration<JournalEntry>
{
    public void Configure(EntityTypeBuilder<JournalEntry> entry)
    {
        entry.ToTable("journal_entries");
        entry.Property(e => e.Text).HasMaxLength(JournalEntry.MaxLength);
        entry.HasOne<Case>().WithMany().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Restrict);
        entry.HasOne<StaffMember>().WithMany().HasForeignKey(e => e.AuthorId).OnDelete(DeleteBehavior.Restrict);
        entry.HasOne<JournalEntry>().WithMany().HasForeignKey(e => e.CorrectsEntryId).OnDelete(DeleteBehavior.Restrict);
        entry.HasIndex(e => new { e.CaseId, e.Id });
    }
}
