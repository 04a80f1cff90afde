namespace Samordna.Core.People;

/// <summary>
/// Möjlig dubblett: someone registered a number that another record already has, but could not see that
/// record (typically a person with skyddade personuppgifter in another unit's case). Telling them would
/// reveal that the person exists, so they got an ordinary new record; this match lets the unit
/// responsible for the existing record — and only it — merge the two (both histories are kept) or
/// unlink them (two different people, one number wrongly given).
/// </summary>
public sealed class IdentityMatch : Aggregate
{
    private IdentityMatch() { }

    public IdentityMatch(Guid organisationId, Guid existingPersonId, Guid registeredPersonId, Guid foundBy, DateTimeOffset foundAt)
    {
        if (existingPersonId == registeredPersonId) throw new ArgumentException("A record cannot match itself.");
        OrganisationId = organisationId;
        ExistingPersonId = existingPersonId;
        RegisteredPersonId = registeredPersonId;
        FoundBy = foundBy;
        FoundAt = foundAt;
    }

    /// <summary>
    /// The match a registration beside a hidden record makes: <paramref name="registered"/> gets the same number as
    /// <paramref name="existing"/> and is marked as sharing it, so the one-record-per-number rule lets it be.
    /// </summary>
    public static IdentityMatch Found(Person existing, Person registered, Guid foundBy, DateTimeOffset foundAt)
    {
        if (existing.IdentityNumber is null || existing.IdentityNumber != registered.IdentityNumber)
            throw new ArgumentException("A possible duplicate shares the existing record's number.");
        return Found(existing.Id, registered, foundBy, foundAt);
    }

    /// <summary>The same, when the caller found the existing record by that number and holds only its id.</summary>
    internal static IdentityMatch Found(Guid existingPersonId, Person registered, Guid foundBy, DateTimeOffset foundAt)
    {
        registered.MarkAsSharingNumber();
        return new IdentityMatch(registered.OrganisationId, existingPersonId, registered.Id, foundBy, foundAt);
    }

    public Guid OrganisationId { get; private set; }

    /// <summary>The record that was there first, hidden from the registrar.</summary>
    public Guid ExistingPersonId { get; private set; }

    /// <summary>The record made by the registrar, with the same number.</summary>
    public Guid RegisteredPersonId { get; private set; }

    /// <summary>The member of staff whose registration made the match (they are not told).</summary>
    public Guid FoundBy { get; private set; }

    public DateTimeOffset FoundAt { get; private set; }
    public IdentityMatchStatus Status { get; private set; }
    public Guid? ResolvedBy { get; private set; }
    public DateTimeOffset? ResolvedAt { get; private set; }

    public void Merge(Guid staffMemberId, DateTimeOffset at) => Resolve(IdentityMatchStatus.Merged, staffMemberId, at);

    public void Unlink(Guid staffMemberId, DateTimeOffset at) => Resolve(IdentityMatchStatus.Unlinked, staffMemberId, at);

    private void Resolve(IdentityMatchStatus status, Guid staffMemberId, DateTimeOffset at)
    {
        if (Status != IdentityMatchStatus.Pending) throw new DomainRuleException("Dubbletten är redan hanterad.");
        Status = status;
        ResolvedBy = staffMemberId;
        ResolvedAt = at;
    }
}

public enum IdentityMatchStatus
{
    /// <summary>Waiting for the existing record's unit.</summary>
    Pending,

    /// <summary>Sammanslagen: the registered record's cases now name the existing person; the record stays for its history.</summary>
    Merged,

    /// <summary>Olika personer: both records stay.</summary>
    Unlinked,
}
