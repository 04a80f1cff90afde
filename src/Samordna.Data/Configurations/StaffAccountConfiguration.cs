using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samordna.Core.Staff;

namespace Samordna.Data.Configurations;

internal sealed class StaffAccountConfiguration : IEntityTypeConfiguration<StaffAccount>
{
    public void Configure(EntityTypeBuilder<StaffAccount> account)
    {
        // An account is the sign-in of exactly one member of staff, under the same id.
        account.HasOne<StaffMember>().WithOne().HasForeignKey<StaffAccount>(a => a.Id).OnDelete(DeleteBehavior.Cascade);
    }
}
