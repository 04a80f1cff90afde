using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samordna.Core.People;

namespace Samordna.Data.Configurations;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> person)
    {
        person.ToTable("people");
        person.Property(p => p.Version).IsConcurrencyToken();
        person.Property(p => p.IdentityNumber).HasMaxLength(20);
        person.Property(p => p.FirstName).HasMaxLength(100);
        person.Property(p => p.LastName).HasMaxLength(100);
        person.Property(p => p.Pseudonym).HasMaxLength(100);
        person.ComplexProperty(p => p.Contact, contact =>
        {
            contact.Property(c => c.StreetAddress).HasMaxLength(200);
            contact.Property(c => c.PostalCode).HasMaxLength(10);
            contact.Property(c => c.City).HasMaxLength(100);
            contact.Property(c => c.Phone).HasMaxLength(30);
            contact.Property(c => c.Email).HasMaxLength(200);
        });
        person.HasOne<Samordna.Core.Organisations.Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        person.Ignore(p => p.DisplayName);
        person.Ignore(p => p.IsAnonymous);

        // One record per number and municipality; people without a number are told apart by id only.
        person.HasIndex(p => new { p.OrganisationId, p.IdentityNumber }).IsUnique().HasFilter("identity_number IS NOT NULL");
        person.HasIndex(p => new { p.OrganisationId, p.LastName });
    }
}
