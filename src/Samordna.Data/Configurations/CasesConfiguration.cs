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
        @case.ComplexProperty(c => c.Intake, intake => intake.Property(i => i.ReceivingUnitId).HasColumnName("intake_receiving_unit_id"));
        @case.Property(c => c.NoInvestigationReason).HasMaxLength(1_000);
        @case.Property(c => c.ClosingReason).HasMaxLength(1_000);
        @case.Property(c => c.ReopeningReason).HasMaxLength(1_000);
        @case.Ignore(c => c.SupportActive);
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
        group.HasOne<Unit>().WithMany().HasForeignKey(g => g.CreatedByUnitId).OnDelete(DeleteBehavior.Restrict);
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

internal sealed class CaseTaskConfiguration : IEntityTypeConfiguration<CaseTask>
{
    public void Configure(EntityTypeBuilder<CaseTask> task)
    {
        task.ToTable("case_tasks");
        task.Property(t => t.Version).IsConcurrencyToken();
        task.Property(t => t.Title).HasMaxLength(200);
        task.Property(t => t.RuleKey).HasMaxLength(80);
        task.Property(t => t.LegalBasis).HasMaxLength(200);
        task.Property(t => t.WaiverReason).HasMaxLength(CaseTask.MaxReasonLength);
        task.Property(t => t.ExtensionReason).HasMaxLength(CaseTask.MaxReasonLength);
        task.Ignore(t => t.IsOpen);
        task.HasOne<Case>().WithMany().HasForeignKey(t => t.CaseId).OnDelete(DeleteBehavior.Restrict);
        task.HasIndex(t => new { t.OrganisationId, t.Status, t.DueDate });
        task.HasIndex(t => t.CaseId);
    }
}

internal sealed class ClassificationTermConfiguration : IEntityTypeConfiguration<Samordna.Core.Classification.ClassificationTerm>
{
    public void Configure(EntityTypeBuilder<Samordna.Core.Classification.ClassificationTerm> term)
    {
        term.ToTable("classification_terms");
        term.HasKey(t => t.Code);
        term.Property(t => t.Code).HasMaxLength(60);
        term.Property(t => t.Label).HasMaxLength(200);
        // The shared catalogue every installation starts with; codes are stable, labels may be edited.
        term.HasData(Samordna.Core.Classification.DefaultClassification.Terms.Select(t => new
            { t.Code, t.Dimension, t.Label, t.Order, t.Active }));
    }
}

internal sealed class ReportOfConcernConfiguration : IEntityTypeConfiguration<ReportOfConcern>
{
    public void Configure(EntityTypeBuilder<ReportOfConcern> report)
    {
        report.ToTable("reports_of_concern");
        report.Property(r => r.Concerns).HasMaxLength(4_000);
        report.HasOne<Case>().WithMany().HasForeignKey(r => r.ChildCaseId).OnDelete(DeleteBehavior.Restrict);
        report.HasOne<Person>().WithMany().HasForeignKey(r => r.ChildPersonId).OnDelete(DeleteBehavior.Restrict);
        report.HasIndex(r => r.FromCaseId);
        report.HasIndex(r => new { r.OrganisationId, r.ReceivedAt });
    }
}
