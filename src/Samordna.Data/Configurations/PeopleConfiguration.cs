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

        // One record per number and municipality; people without a number are told apart by id only. A record
        // registered beside a hidden one with the same number (shares_number, see IdentityMatch) is outside the rule.
        person.HasIndex(p => new { p.OrganisationId, p.IdentityNumber }).IsUnique().HasFilter("identity_number IS NOT NULL AND NOT shares_number");
        person.HasIndex(p => new { p.OrganisationId, p.IdentityNumber }).HasDatabaseName("ix_people_organisation_id_identity_number_all");
        person.HasIndex(p => p.RegisteringUnitId);
        person.HasOne<Samordna.Core.Organisations.Unit>().WithMany().HasForeignKey(p => p.RegisteringUnitId).OnDelete(DeleteBehavior.Restrict);
        person.HasIndex(p => new { p.OrganisationId, p.LastName });
    }
}

internal sealed class IdentityMatchConfiguration : IEntityTypeConfiguration<IdentityMatch>
{
    public void Configure(EntityTypeBuilder<IdentityMatch> match)
    {
        match.ToTable("identity_matches");
        match.Property(m => m.Version).IsConcurrencyToken();
        match.HasOne<Person>().WithMany().HasForeignKey(m => m.ExistingPersonId).OnDelete(DeleteBehavior.Restrict);
        match.HasOne<Person>().WithMany().HasForeignKey(m => m.RegisteredPersonId).OnDelete(DeleteBehavior.Restrict);
        match.HasIndex(m => new { m.OrganisationId, m.Status, m.ExistingPersonId });
        match.HasIndex(m => m.RegisteredPersonId);
    }
}
