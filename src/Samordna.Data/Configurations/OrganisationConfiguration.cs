using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samordna.Core.Organisations;
using Samordna.Core.Staff;

namespace Samordna.Data.Configurations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> organisation)
    {
        organisation.ToTable("organisations");
        organisation.Property(o => o.Version).IsConcurrencyToken();
        organisation.Property(o => o.Name).HasMaxLength(100);
        organisation.Property(o => o.MunicipalityCode).HasMaxLength(4).IsFixedLength();
        organisation.Ignore(o => o.CountyCode);
        organisation.HasIndex(o => o.MunicipalityCode).IsUnique();
    }
}

internal sealed class DistrictConfiguration : IEntityTypeConfiguration<District>
{
    public void Configure(EntityTypeBuilder<District> district)
    {
        district.ToTable("districts");
        district.Property(d => d.Name).HasMaxLength(100);
        district.HasOne<Organisation>().WithMany().HasForeignKey(d => d.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> unit)
    {
        unit.ToTable("units");
        unit.Property(u => u.Version).IsConcurrencyToken();
        unit.Property(u => u.Name).HasMaxLength(100);
        unit.HasOne<Organisation>().WithMany().HasForeignKey(u => u.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        unit.HasOne<District>().WithMany().HasForeignKey(u => u.DistrictId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PopulationFigureConfiguration : IEntityTypeConfiguration<PopulationFigure>
{
    public void Configure(EntityTypeBuilder<PopulationFigure> figure)
    {
        figure.ToTable("population_figures");
        figure.HasOne<Organisation>().WithMany().HasForeignKey(f => f.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        figure.HasOne<District>().WithMany().HasForeignKey(f => f.DistrictId).OnDelete(DeleteBehavior.Restrict);
        figure.HasIndex(f => new { f.OrganisationId, f.DistrictId, f.Year, f.Gender, f.AgeFrom }).IsUnique();
    }
}

internal sealed class StaffMemberConfiguration : IEntityTypeConfiguration<StaffMember>
{
    public void Configure(EntityTypeBuilder<StaffMember> staff)
    {
        staff.ToTable("staff_members");
        staff.Property(s => s.Version).IsConcurrencyToken();
        staff.Property(s => s.UserName).HasMaxLength(100);
        staff.Property(s => s.DisplayName).HasMaxLength(100);
        staff.Property(s => s.Email).HasMaxLength(200);
        staff.Property(s => s.IdentityNumber).HasMaxLength(12);
        staff.Property(s => s.HomeAddress).HasMaxLength(200);
        staff.Ignore(s => s.FamilyName);
        staff.HasIndex(s => s.UserName).IsUnique();
        staff.HasOne<Organisation>().WithMany().HasForeignKey(s => s.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        staff.HasMany(s => s.Roles).WithOne().HasForeignKey(r => r.StaffMemberId).OnDelete(DeleteBehavior.Cascade);
        staff.Navigation(s => s.Roles).AutoInclude();
    }
}

internal sealed class RoleAssignmentConfiguration : IEntityTypeConfiguration<RoleAssignment>
{
    public void Configure(EntityTypeBuilder<RoleAssignment> role)
    {
        role.ToTable("role_assignments");
        role.HasOne<Unit>().WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
        role.HasIndex(r => new { r.StaffMemberId, r.UnitId, r.Role }).IsUnique();
    }
}
