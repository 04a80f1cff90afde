using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samordna.Core.Access;
using Samordna.Core.Audit;
using Samordna.Core.Cases;
using Samordna.Core.Organisations;
using Samordna.Core.Staff;

namespace Samordna.Data.Configurations;

internal sealed class CaseTeamMemberConfiguration : IEntityTypeConfiguration<CaseTeamMember>
{
    public void Configure(EntityTypeBuilder<CaseTeamMember> member)
    {
        member.ToTable("case_team_members");
        member.HasOne<Case>().WithMany().HasForeignKey(t => t.CaseId).OnDelete(DeleteBehavior.Cascade);
        member.HasOne<Unit>().WithMany().HasForeignKey(t => t.UnitId).OnDelete(DeleteBehavior.Restrict);
        member.HasIndex(t => new { t.CaseId, t.UnitId }).IsUnique();
        member.HasIndex(t => t.UnitId);
    }
}

internal sealed class EmergencyAccessConfiguration : IEntityTypeConfiguration<EmergencyAccess>
{
    public void Configure(EntityTypeBuilder<EmergencyAccess> access)
    {
        access.ToTable("emergency_accesses");
        access.Property(e => e.Reason).HasMaxLength(500);
        access.HasOne<Case>().WithMany().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Restrict);
        access.HasOne<StaffMember>().WithMany().HasForeignKey(e => e.StaffMemberId).OnDelete(DeleteBehavior.Restrict);
        access.HasIndex(e => new { e.StaffMemberId, e.CaseId, e.ExpiresAt });
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        entry.ToTable("audit_entries");
        // No foreign keys: the log outlives what it is about, and must be readable on its own.
        entry.Property(e => e.ActorName).HasMaxLength(100);
        entry.Property(e => e.Role).HasMaxLength(40);
        entry.Property(e => e.Purpose).HasMaxLength(500);
        entry.Property(e => e.ClientAddress).HasMaxLength(64);
        entry.Property(e => e.Flags).HasConversion<int>(); // flags are tested bitwise by the log review
        entry.Property(e => e.PreviousHash).HasMaxLength(64);
        entry.Property(e => e.Hash).HasMaxLength(64);
        entry.HasMany(e => e.Subjects).WithOne().HasForeignKey(s => s.EntryId).OnDelete(DeleteBehavior.Restrict);
        entry.Navigation(e => e.Subjects).AutoInclude();
        // Sequence 0 means "not yet in the chain" (the sequencer seals it); the chain's positions are unique.
        entry.HasIndex(e => new { e.OrganisationId, e.Sequence }).IsUnique().HasFilter("sequence > 0");
        entry.HasIndex(e => new { e.OrganisationId, e.At }).HasFilter("sequence = 0").HasDatabaseName("ix_audit_entries_pending");
        entry.HasIndex(e => new { e.OrganisationId, e.StaffMemberId, e.At });
        entry.HasIndex(e => new { e.OrganisationId, e.At });
    }
}

internal sealed class AuditSubjectConfiguration : IEntityTypeConfiguration<AuditSubject>
{
    public void Configure(EntityTypeBuilder<AuditSubject> subject)
    {
        subject.ToTable("audit_subjects");
        subject.HasIndex(s => s.PersonId);
        subject.HasIndex(s => s.CaseId);
        subject.HasIndex(s => s.StaffMemberId);
        subject.HasIndex(s => s.EntryId);
    }
}

internal sealed class AuditChainHeadConfiguration : IEntityTypeConfiguration<AuditChainHead>
{
    public void Configure(EntityTypeBuilder<AuditChainHead> head)
    {
        head.ToTable("audit_chain_heads");
        head.HasKey(h => h.OrganisationId);
        head.Property(h => h.OrganisationId).ValueGeneratedNever();
        head.Property(h => h.LastHash).HasMaxLength(64);
    }
}
