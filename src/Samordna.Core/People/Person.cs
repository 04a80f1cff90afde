namespace Samordna.Core.People;

/// <summary>
/// A person in one municipality's register: a client, a child in a household, a person who uses
/// violence, or an anonymous contact. Each municipality (nämnd) keeps its own register; the same human
/// in two municipalities is two records, because secrecy applies between them.
/// </summary>
public sealed class Person : Aggregate
{
    private Person() { } // for EF Core

    public Person(Guid organisationId, PersonIdentity identity, PersonName name, Gender gender,
        ProtectedIdentityLevel protectedIdentity, ContactDetails contact, DateTimeOffset registeredAt, Guid? registeringUnitId = null)
    {
        OrganisationId = organisationId;
        RegisteringUnitId = registeringUnitId;
        RegisteredAt = registeredAt;
        Gender = gender;
        ProtectedIdentity = protectedIdentity;
        SetIdentity(identity, name);
        Contact = contact;
    }

    public Guid OrganisationId { get; private set; }
    public IdentityKind IdentityKind { get; private set; }

    /// <summary>Canonical 12 digits for personnummer/samordningsnummer, the issuer's text for a reservnummer, null when none.</summary>
    public string? IdentityNumber { get; private set; }

    public DateOnly? BirthDate { get; private set; }
    public string? FirstName { get; private set; }
    public string? LastName { get; private set; }

    /// <summary>What an anonymous contact is called in the records (e.g. "Man 42, mottagningen"), never a real name.</summary>
    public string? Pseudonym { get; private set; }

    public Gender Gender { get; private set; }
    public ProtectedIdentityLevel ProtectedIdentity { get; private set; }
    public ContactDetails Contact { get; private set; } = ContactDetails.Empty;
    public DateTimeOffset RegisteredAt { get; private set; }

    /// <summary>
    /// Registrerande enhet: the unit that registered the person. Until the person is in a case, only its
    /// staff see them; afterwards it keeps sight of them too, so nobody loses a person by another unit's action.
    /// </summary>
    public Guid? RegisteringUnitId { get; private set; }

    /// <summary>
    /// The record was made while another record with the same number existed that the registrar could not
    /// see; an <see cref="IdentityMatch"/> lets that record's unit merge or unlink the two. The register's
    /// one-record-per-number rule applies to all other records.
    /// </summary>
    public bool SharesNumber { get; private set; }

    /// <summary>After a merge: the record this one was merged into. Kept (with its history), shown nowhere.</summary>
    public Guid? MergedIntoPersonId { get; private set; }

    /// <summary>Marks a record registered beside a hidden one with the same number (see <see cref="SharesNumber"/>).</summary>
    internal void MarkAsSharingNumber() => SharesNumber = true;

    /// <summary>Sammanslagning: this record's work continues on <paramref name="kept"/>; this one stays for its history.</summary>
    internal void MergeInto(Person kept)
    {
        if (kept.Id == Id) throw new DomainRuleException("En person kan inte slås samman med sig själv.");
        if (MergedIntoPersonId is not null) throw new DomainRuleException("Personen är redan sammanslagen med en annan post.");
        MergedIntoPersonId = kept.Id;
    }
    /// <summary>No name is known: the person is only a pseudonym in the records.</summary>
    public bool IsAnonymous => FirstName is null && LastName is null;

    /// <summary>How the person is named in lists: the name when known, otherwise the pseudonym.</summary>
    public string DisplayName => NameOf(FirstName, LastName, Pseudonym);

    /// <summary>The same rule for read models projected straight from the database.</summary>
    public static string NameOf(string? firstName, string? lastName, string? pseudonym) =>
        firstName is null && lastName is null ? pseudonym ?? "" : $"{firstName} {lastName}".Trim();

    public void ChangeProtectedIdentity(ProtectedIdentityLevel level) => ProtectedIdentity = level;

    public void ChangeGender(Gender gender) => Gender = gender;

    public void ChangeContact(ContactDetails contact) => Contact = contact;

    /// <summary>
    /// An anonymous contact tells who they are (e.g. when friyta talks become a case with their consent):
    /// the same record gets the identity and name, so its history stays with it.
    /// </summary>
    public void Identify(PersonIdentity identity, PersonName name)
    {
        if (IdentityKind != IdentityKind.None || !IsAnonymous)
            throw new DomainRuleException("Personen är redan registrerad med identitet eller namn.");
        SetIdentity(identity, name);
    }

    private void SetIdentity(PersonIdentity identity, PersonName name)
    {
        var hasName = !string.IsNullOrWhiteSpace(name.FirstName) || !string.IsNullOrWhiteSpace(name.LastName);
        if (identity.Kind != IdentityKind.None && !hasName)
            throw new DomainRuleException("En person med identitetsnummer behöver ett namn.");
        if (!hasName && string.IsNullOrWhiteSpace(name.Pseudonym))
            throw new DomainRuleException("Ange namn eller, för en anonym kontakt, en pseudonym.");
        IdentityKind = identity.Kind;
        IdentityNumber = identity.Number;
        BirthDate = identity.BirthDate;
        FirstName = Clean(name.FirstName);
        LastName = Clean(name.LastName);
        // A pseudonym stands in for a name that is not known; a numbered person is known by name.
        Pseudonym = identity.Kind == IdentityKind.None ? Clean(name.Pseudonym) : null;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>The identity a person is registered with; made only through <see cref="Of"/>-style factories so the number is always valid.</summary>
public sealed record PersonIdentity(IdentityKind Kind, string? Number, DateOnly? BirthDate)
{
    public static PersonIdentity Of(PersonalIdentityNumber number) => new(number.Kind, number.Value, number.BirthDate);

    public static PersonIdentity Reserve(string number, DateOnly? birthDate) =>
        new(IdentityKind.Reservnummer, number.Trim(), birthDate);

    public static PersonIdentity Anonymous(DateOnly? approximateBirthDate = null) =>
        new(IdentityKind.None, null, approximateBirthDate);
}

public sealed record PersonName(string? FirstName, string? LastName, string? Pseudonym = null);

/// <summary>Address and reachability. For a person with protected identity these are the fields to hide.</summary>
public sealed record ContactDetails(string? StreetAddress, string? PostalCode, string? City, string? Phone, string? Email)
{
    public static readonly ContactDetails Empty = new(null, null, null, null, null);
}
