using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samordna.Core.Organisations;
using Samordna.Core.Staff;

namespace Samordna.Data.Configurations;

internal sealed class StaffAccessRequestConfiguration : IEntityTypeConfiguration<StaffAccessRequest>
{
    public void Configure(EntityTypeBuilder<StaffAccessRequest> request)
    {
        request.ToTable("staff_access_requests");
        request.Property(r => r.Version).IsConcurrencyToken();
        request.Property(r => r.RejectionReason).HasMaxLength(StaffAccessRequest.MaxRejectionReasonLength);
        request.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        request.HasOne<StaffMember>().WithMany().HasForeignKey(r => r.StaffMemberId).OnDelete(DeleteBehavior.Restrict);
        request.HasOne<StaffMember>().WithMany().HasForeignKey(r => r.RequestedBy).OnDelete(DeleteBehavior.Restrict);
        request.HasOne<StaffMember>().WithMany().HasForeignKey(r => r.DecidedBy).OnDelete(DeleteBehavior.Restrict);
        request.HasMany(r => r.Roles).WithOne().HasForeignKey(r => r.RequestId).OnDelete(DeleteBehavior.Cascade);
        request.Navigation(r => r.Roles).AutoInclude();
        // One pending request per member, also when two administrators save at once; a new one withdraws the old first.
        request.HasIndex(r => r.StaffMemberId).IsUnique().HasFilter("status = 'Pending'");
        // The list of pending requests reads a municipality's, oldest first.
        request.HasIndex(r => new { r.OrganisationId, r.Status, r.RequestedAt });
    }
}

internal sealed class RequestedRoleConfiguration : IEntityTypeConfiguration<RequestedRole>
{
    public void Configure(EntityTypeBuilder<RequestedRole> role)
    {
        role.ToTable("staff_access_request_roles");
        role.HasOne<Unit>().WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
        role.HasIndex(r => new { r.RequestId, r.UnitId, r.Role }).IsUnique();
    }
}
