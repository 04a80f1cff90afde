using Microsoft.EntityFrameworkCore;
using Samordna.Core.Access;

namespace Samordna.Core.People;

public sealed record PersonSummary(Guid Id, string Name, IdentityKind IdentityKind, string? IdentityNumber,
    DateOnly? BirthDate, Gender Gender, ProtectedIdentityLevel ProtectedIdentity);

public sealed record PersonDetails(Guid Id, long Version, string Name, string? FirstName, string? LastName, string? Pseudonym,
    IdentityKind IdentityKind, string? IdentityNumber, DateOnly? BirthDate, Gender Gender,
    ProtectedIdentityLevel ProtectedIdentity, ContactDetails Contact, DateTimeOffset RegisteredAt)
{
    public static PersonDetails From(Person p) => new(p.Id, p.Version, p.DisplayName, p.FirstName, p.LastName, p.Pseudonym,
        p.IdentityKind, p.IdentityNumber, p.BirthDate, p.Gender, p.ProtectedIdentity, p.Contact, p.RegisteredAt);
}

public sealed class PersonQueries(DbContext db)
{
    public const int MaxPageSize = 100;

    public async Task<PersonDetails> Get(Actor actor, Guid id, CancellationToken ct)
    {
        var person = await db.Set<Person>().AsNoTracking()
            .SingleOrDefaultAsync(p => p.Id == id && p.OrganisationId == actor.OrganisationId, ct)
            ?? throw new NotFoundException("Personen", id);
        return PersonDetails.From(person);
    }

    /// <summary>
    /// Finds people by name, pseudonym or number (any part; a number may be typed with or without
    /// century and separator), in registration order.
    /// </summary>
    public async Task<Page<PersonSummary>> Search(Actor actor, string? term, Guid? after, int limit, CancellationToken ct)
    {
        limit = Math.Clamp(limit, 1, MaxPageSize);
        var query = db.Set<Person>().AsNoTracking().Where(p => p.OrganisationId == actor.OrganisationId);
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
        return new Page<PersonSummary>(items, rows.Count > limit ? items[^1].Id.ToString() : null);
    }
}
