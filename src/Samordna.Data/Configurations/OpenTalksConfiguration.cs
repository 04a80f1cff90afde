using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samordna.Core.Cases;
using Samordna.Core.OpenTalks;
using Samordna.Core.Organisations;
using Samordna.Core.People;
using Samordna.Core.Staff;

namespace Samordna.Data.Configurations;

internal sealed class OpenTalkContactConfiguration : IEntityTypeConfiguration<OpenTalkContact>
{
    public void Configure(EntityTypeBuilder<OpenTalkContact> contact)
    {
        contact.ToTable("open_talk_contacts");
        contact.Property(c => c.Version).IsConcurrencyToken();
        contact.Property(c => c.DropoutNote).HasMaxLength(1_000);
        contact.Ignore(c => c.TalkLimitReached);
        contact.Ignore(c => c.FirstContactAt);
        // The consent lives on the contact's row; its columns are empty until the contact is converted.
        contact.OwnsOne(c => c.Consent, consent =>
        {
            consent.Property(x => x.GivenAt).HasColumnName("consent_given_at");
            consent.Property(x => x.RecordedBy).HasColumnName("consent_recorded_by");
            consent.Property(x => x.Method).HasColumnName("consent_method");
            consent.Property(x => x.Covers).HasColumnName("consent_covers").HasMaxLength(1_000);
        });
        contact.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        contact.HasOne<Unit>().WithMany().HasForeignKey(c => c.OwningUnitId).OnDelete(DeleteBehavior.Restrict);
        contact.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Restrict);
        contact.HasOne<StaffMember>().WithMany().HasForeignKey(c => c.StartedBy).OnDelete(DeleteBehavior.Restrict);
        contact.HasOne<Case>().WithMany().HasForeignKey(c => c.ConvertedCaseId).OnDelete(DeleteBehavior.Restrict);
        contact.HasMany(c => c.Talks).WithOne().HasForeignKey(t => t.ContactId).OnDelete(DeleteBehavior.Cascade);
        contact.HasIndex(c => new { c.OrganisationId, c.OwningUnitId, c.Id });
        contact.HasIndex(c => new { c.OrganisationId, c.StartedAt });
        contact.HasIndex(c => c.PersonId);
        contact.HasIndex(c => c.ConvertedCaseId);
    }
}

internal sealed class TalkConfiguration : IEntityTypeConfiguration<Talk>
{
    public void Configure(EntityTypeBuilder<Talk> talk)
    {
        talk.ToTable("open_talk_talks");
        talk.Property(t => t.Note).HasMaxLength(Talk.MaxNoteLength);
        talk.HasOne<StaffMember>().WithMany().HasForeignKey(t => t.StaffMemberId).OnDelete(DeleteBehavior.Restrict);
        // Not unique on purpose: the contact's version guards the numbering. Of two requests recording talk N
        // at once, the second fails its version check and its insert rolls back with it (409), whereas a unique
        // index could refuse the insert first, as an error the caller cannot act on.
        talk.HasIndex(t => new { t.ContactId, t.Number });
    }
}
