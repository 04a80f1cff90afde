using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samordna.Core.Cases;
using Samordna.Core.Handovers;
using Samordna.Core.Organisations;
using Samordna.Core.Staff;

namespace Samordna.Data.Configurations;

internal sealed class HandoverConfiguration : IEntityTypeConfiguration<Handover>
{
    public void Configure(EntityTypeBuilder<Handover> handover)
    {
        handover.ToTable("handovers");
        handover.Property(h => h.Version).IsConcurrencyToken();
        handover.ComplexProperty(h => h.Summary, summary =>
        {
            summary.Property(s => s.WhatHappened).HasMaxLength(HandoverSummary.MaxLength);
            summary.Property(s => s.Assessments).HasMaxLength(HandoverSummary.MaxLength);
            summary.Property(s => s.Risks).HasMaxLength(HandoverSummary.MaxLength);
            summary.Property(s => s.WhatTheClientHasToldAlready).HasMaxLength(HandoverSummary.MaxLength);
            summary.Property(s => s.OtherNotes).HasMaxLength(HandoverSummary.OtherNotesMaxLength);
        });
        handover.Property(h => h.DeclineReason).HasMaxLength(Handover.MaxDeclineReasonLength);
        handover.HasOne<Case>().WithMany().HasForeignKey(h => h.CaseId).OnDelete(DeleteBehavior.Restrict);
        handover.HasOne<Unit>().WithMany().HasForeignKey(h => h.FromUnitId).OnDelete(DeleteBehavior.Restrict);
        handover.HasOne<Unit>().WithMany().HasForeignKey(h => h.ToUnitId).OnDelete(DeleteBehavior.Restrict);
        handover.HasOne<StaffMember>().WithMany().HasForeignKey(h => h.HandedOverBy).OnDelete(DeleteBehavior.Restrict);
        handover.HasOne<StaffMember>().WithMany().HasForeignKey(h => h.AcceptedBy).OnDelete(DeleteBehavior.Restrict);
        handover.HasOne<StaffMember>().WithMany().HasForeignKey(h => h.DeclinedBy).OnDelete(DeleteBehavior.Restrict);
        // One unanswered handover of a case per receiving unit, also when two people press the button at once.
        handover.HasIndex(h => new { h.CaseId, h.ToUnitId }).IsUnique().HasFilter("status = 'Pending'");
        // The report of unfinished handovers reads the pending ones of a municipality, oldest first.
        handover.HasIndex(h => new { h.OrganisationId, h.Status, h.HandedOverAt });
    }
}

internal sealed class WaitingListEntryConfiguration : IEntityTypeConfiguration<WaitingListEntry>
{
    public void Configure(EntityTypeBuilder<WaitingListEntry> entry)
    {
        entry.ToTable("waiting_list_entries");
        entry.Property(e => e.Version).IsConcurrencyToken();
        entry.Property(e => e.RemovalReason).HasMaxLength(WaitingListEntry.MaxRemovalReasonLength);
        entry.Ignore(e => e.IsWaiting);
        entry.HasOne<Case>().WithMany().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Restrict);
        entry.HasOne<Unit>().WithMany().HasForeignKey(e => e.UnitId).OnDelete(DeleteBehavior.Restrict);
        entry.HasOne<Handover>().WithMany().HasForeignKey(e => e.HandoverId).OnDelete(DeleteBehavior.Restrict);
        entry.HasOne<StaffMember>().WithMany().HasForeignKey(e => e.ReferredBy).OnDelete(DeleteBehavior.Restrict);
        entry.HasOne<StaffMember>().WithMany().HasForeignKey(e => e.FirstSessionRecordedBy).OnDelete(DeleteBehavior.Restrict);
        entry.HasOne<StaffMember>().WithMany().HasForeignKey(e => e.RemovedBy).OnDelete(DeleteBehavior.Restrict);
        entry.HasMany(e => e.InterimContacts).WithOne().HasForeignKey(c => c.EntryId).OnDelete(DeleteBehavior.Cascade);
        // A client waits at most once at a unit; the queue is a unit's waiting entries in order of referral.
        entry.HasIndex(e => new { e.CaseId, e.UnitId }).IsUnique().HasFilter("status = 'Waiting'");
        entry.HasIndex(e => new { e.UnitId, e.Status, e.ReferredAt });
        entry.HasIndex(e => e.HandoverId);
    }
}

internal sealed class InterimContactConfiguration : IEntityTypeConfiguration<InterimContact>
{
    public void Configure(EntityTypeBuilder<InterimContact> contact)
    {
        contact.ToTable("waiting_list_interim_contacts");
        contact.Property(c => c.Note).HasMaxLength(InterimContact.MaxNoteLength);
        contact.HasOne<StaffMember>().WithMany().HasForeignKey(c => c.StaffMemberId).OnDelete(DeleteBehavior.Restrict);
        contact.HasIndex(c => c.EntryId);
    }
}
