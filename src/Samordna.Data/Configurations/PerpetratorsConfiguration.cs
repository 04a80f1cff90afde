using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samordna.Core.Cases;
using Samordna.Core.Perpetrators;

namespace Samordna.Data.Configurations;

internal sealed class MotivationAssessmentConfiguration : IEntityTypeConfiguration<MotivationAssessment>
{
    public void Configure(EntityTypeBuilder<MotivationAssessment> assessment)
    {
        assessment.ToTable("motivation_assessments");
        assessment.Property(a => a.Notes).HasMaxLength(2_000);
        assessment.HasOne<Case>().WithMany().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Restrict);
        assessment.HasIndex(a => a.CaseId);
    }
}

internal sealed class SupportOfferConfiguration : IEntityTypeConfiguration<SupportOffer>
{
    public void Configure(EntityTypeBuilder<SupportOffer> offer)
    {
        offer.ToTable("support_offers");
        offer.Property(o => o.Version).IsConcurrencyToken();
        offer.Property(o => o.Offer).HasMaxLength(300);
        offer.HasOne<Case>().WithMany().HasForeignKey(o => o.CaseId).OnDelete(DeleteBehavior.Restrict);
        offer.HasIndex(o => o.CaseId);
    }
}

internal sealed class PoliceEventConfiguration : IEntityTypeConfiguration<PoliceEvent>
{
    public void Configure(EntityTypeBuilder<PoliceEvent> police)
    {
        police.ToTable("police_events");
        police.HasOne<Case>().WithMany().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Restrict);
        police.HasIndex(e => e.CaseId);
    }
}
