using Microsoft.EntityFrameworkCore;
using Samordna.Core.Access;
using Samordna.Core.Audit;
using Samordna.Core.Cases;
using Samordna.Core.Organisations;
using Samordna.Core.Staff;

namespace Samordna.Core.People;

/// <summary>
/// Registerutdrag (GDPR art. 15): what the municipality stores about one person and which units have
/// accessed it. Like every export it never carries the whereabouts of a person with skyddade personuppgifter.
/// </summary>
public sealed record RegisterExtract(DateTimeOffset ProducedAt, string ProducedBy, string Scope, PersonDetails Person,
    IReadOnlyList<ExtractCase> Cases, IReadOnlyList<ExtractAccess> AccessedBy);

public sealed record ExtractCase(Guid Id, CaseType Type, string OwningUnit, PartyRole Role, DateTimeOffset ReceivedAt,
    string? Summary, IReadOnlyList<JournalEntryView> Journal);

/// <summary>How often a unit read or changed the person's data, from the audit log.</summary>
public sealed record ExtractAccess(string Unit, int Accesses, DateTimeOffset First, DateTimeOffset Last);

public sealed class RegisterExtractQuery(DbContext db, TimeProvider clock, AccessPolicy policy, AuditTrail audit)
{
    public const string ScopeText =
        "Utdraget omfattar personens uppgifter i registret och de ärenden där personen är part som den som tog fram utdraget har behörighet till. " +
        "Journalanteckningar ingår för ärenden där personen är huvudperson.";

    /// <param name="action"><see cref="AuditAction.Export"/> for the JSON document, <see cref="AuditAction.Print"/> for the printable page.</param>
    public async Task<RegisterExtract> Produce(Actor actor, Guid personId, AuditAction action, CancellationToken ct)
    {
        var person = await policy.RequirePerson(actor, personId, ct);
        var readable = policy.ReadableCases(actor).Select(c => c.Id);

        var cases = await (
            from party in db.Set<CaseParty>().AsNoTracking()
            where party.PersonId == personId && readable.Contains(party.CaseId)
            join c in db.Set<Case>() on party.CaseId equals c.Id
            join u in db.Set<Unit>() on c.OwningUnitId equals u.Id
            orderby c.Id
            select new { c.Id, c.Type, Unit = u.Name, party.Role, c.ReceivedAt, c.Summary }).ToListAsync(ct);

        var subjectCaseIds = cases.Where(c => c.Role == PartyRole.Subject).Select(c => c.Id).ToList();
        var journal = (await (
                from e in db.Set<JournalEntry>().AsNoTracking()
                where subjectCaseIds.Contains(e.CaseId)
                join s in db.Set<StaffMember>() on e.AuthorId equals s.Id
                orderby e.Id
                select new JournalEntryView(e.Id, e.CaseId, e.WrittenAt, e.AuthorId, s.DisplayName, e.Text, e.CorrectsEntryId))
            .ToListAsync(ct)).ToLookup(e => e.CaseId);

        var accesses = await (
            from entry in db.Set<AuditEntry>().AsNoTracking()
            where entry.OrganisationId == actor.OrganisationId &&
                  entry.Subjects.Any(s => s.PersonId == personId || (s.CaseId != null && subjectCaseIds.Contains(s.CaseId.Value)))
            join u in db.Set<Unit>() on entry.UnitId equals u.Id into units
            from u in units.DefaultIfEmpty()
            select new { Unit = u == null ? null : u.Name, entry.At }).ToListAsync(ct);

        var extract = new RegisterExtract(clock.GetUtcNow(), actor.DisplayName, ScopeText,
            PersonDetails.From(person, mayViewContact: person.ProtectedIdentity == ProtectedIdentityLevel.None),
            cases.Select(c => new ExtractCase(c.Id, c.Type, c.Unit, c.Role, c.ReceivedAt, c.Summary, journal[c.Id].ToList())).ToList(),
            accesses.GroupBy(a => a.Unit ?? "Utan enhet")
                .Select(g => new ExtractAccess(g.Key, g.Count(), g.Min(a => a.At), g.Max(a => a.At)))
                .OrderBy(a => a.Unit).ToList());

        audit.Record(actor, action, [AuditSubject.Person(personId), .. cases.Select(c => AuditSubject.Case(c.Id))],
            through: await policy.RoleFor(actor, person, ct));
        await db.SaveChangesAsync(ct);
        return extract;
    }
}
