using Microsoft.EntityFrameworkCore;
using Samordna.Core.Access;
using Samordna.Core.Audit;

namespace Samordna.Core.People;

public sealed record PersonSummary(Guid Id, string Name, IdentityKind IdentityKind, string? IdentityNumber,
    DateOnly? BirthDate, Gender Gender, ProtectedIdentityLevel ProtectedIdentity);

/// <param name="ContactHidden">True when the person has skyddade personuppgifter and the reader lacks the clearance: <see cref="Contact"/> is then empty.</param>
public sealed record PersonDetails(Guid Id, long Version, string Name, string? FirstName, string? LastName, string? Pseudonym,
    IdentityKind IdentityKind, string? IdentityNumber, DateOnly? BirthDate, Gender Gender,
    ProtectedIdentityLevel ProtectedIdentity, ContactDetails Contact, bool ContactHidden, DateTimeOffset RegisteredAt)
{
    public static PersonDetails From(Person p, bool mayViewContact) => new(p.Id, p.Version, p.DisplayName, p.FirstName, p.LastName, p.Pseudonym,
        p.IdentityKind, p.IdentityNumber, p.BirthDate, p.Gender, p.ProtectedIdentity,
        mayViewContact ? p.Contact : ContactDetails.Empty, !mayViewContact, p.RegisteredAt);
}

public sealed class PersonQueries(DbContext db, AccessPolicy policy, AuditTrail audit)
{
    public const int MaxPageSize = 100;

    public async Task<PersonDetails> Get(Actor actor, Guid id, CancellationToken ct)
    {
        var person = await policy.RequirePerson(actor, id, ct);
        audit.Record(actor, AuditAction.ReadPerson, [AuditSubject.Person(id)], through: await policy.RoleFor(actor, person, ct));
        await db.SaveChangesAsync(ct);
        return PersonDetails.From(person, AccessPolicy.MayViewContact(actor, person.ProtectedIdentity));
    }

    /// <summary>
    /// Finds people the actor may see by name, pseudonym or number (any part; a number may be typed
    /// with or without century and separator), in registration order. The search and every id it
    /// returned are logged.
    /// </summary>
    public async Task<Page<PersonSummary>> Search(Actor actor, string? term, Guid? after, int limit, CancellationToken ct)
    {
        limit = Math.Clamp(limit, 1, MaxPageSize);
        // A search term is a name: no control characters (PostgreSQL text cannot even hold a NUL), composed
        // like the stored names so "A\u030Asa" finds "Åsa".
        TextRule.Require(term, "q", TextKind.Name);
        term = TextRule.Normalize(term);
        var query = policy.ReadablePeople(actor).AsNoTracking();
        if (!string.IsNullOrWhiteSpace(term))
        {
            var text = term.Trim().ToLower();
            var digits = new string(term.Where(char.IsAsciiDigit).ToArray());
            query = query.Where(p =>
                ((p.FirstName ?? "") + " " + (p.LastName ?? "")).ToLower().Contains(text) ||
                (p.Pseudonym != null && p.Pseudonym.ToLower().Contains(text)) ||
                (digits.Length >= 6 && p.IdentityNumber != null && p.IdentityNumber.Contains(digits)));
        }
        if (after is { } key) query = query.Where(p => p.Id.CompareTo(key) > 0);

        var rows = await query.OrderBy(p => p.Id).Take(limit + 1)
            .Select(p => new { p.Id, p.FirstName, p.LastName, p.Pseudonym, p.IdentityKind, p.IdentityNumber, p.BirthDate, p.Gender, p.ProtectedIdentity })
            .ToListAsync(ct);
        var items = rows.Take(limit)
            .Select(p => new PersonSummary(p.Id, Person.NameOf(p.FirstName, p.LastName, p.Pseudonym), p.IdentityKind,
                p.IdentityNumber, p.BirthDate, p.Gender, p.ProtectedIdentity))
            .ToList();
        audit.Record(actor, AuditAction.Search, items.Select(p => AuditSubject.Person(p.Id)));
        await db.SaveChangesAsync(ct);
        return new Page<PersonSummary>(items, rows.Count > limit ? items[^1].Id.ToString() : null);
    }
}
