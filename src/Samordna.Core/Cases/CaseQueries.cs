using Microsoft.EntityFrameworkCore;
using Samordna.Core.Access;
using Samordna.Core.Organisations;
using Samordna.Core.People;
using Samordna.Core.Staff;

namespace Samordna.Core.Cases;

public sealed record CaseSummary(Guid Id, CaseType Type, Guid OwningUnitId, string OwningUnit, Guid SubjectPersonId,
    string SubjectName, DateTimeOffset ReceivedAt, string? ResponsibleStaff);

public sealed record CaseDetails(Guid Id, long Version, CaseType Type, Guid OwningUnitId, string OwningUnit,
    DateTimeOffset ReceivedAt, string? Summary, Guid? ResponsibleStaffId, string? ResponsibleStaff,
    CaseGroupSummary? Group, IReadOnlyList<PartyView> Parties);

public sealed record PartyView(Guid PersonId, string Name, PartyRole Role, IdentityKind IdentityKind, string? IdentityNumber, Gender Gender);

public sealed record CaseGroupSummary(Guid Id, CaseGroupKind Kind, string Label, IReadOnlyList<Guid> CaseIds);

public sealed record JournalEntryView(Guid Id, Guid CaseId, DateTimeOffset WrittenAt, Guid AuthorId, string Author,
    string Text, Guid? CorrectsEntryId);

public sealed class CaseQueries(DbContext db)
{
    public const int MaxPageSize = 100;

    /// <summary>The municipality's cases, newest first, optionally those of one unit.</summary>
    public async Task<Page<CaseSummary>> List(Actor actor, Guid? unitId, Guid? before, int limit, CancellationToken ct)
    {
        limit = Math.Clamp(limit, 1, MaxPageSize);
        var cases = db.Set<Case>().AsNoTracking().Where(c => c.OrganisationId == actor.OrganisationId);
        if (unitId is { } unit) cases = cases.Where(c => c.OwningUnitId == unit);
        if (before is { } key) cases = cases.Where(c => c.Id.CompareTo(key) < 0);

        var rows = await (
            from c in cases
            join u in db.Set<Unit>() on c.OwningUnitId equals u.Id
            join p in db.Set<Person>() on c.SubjectPersonId equals p.Id
            join s in db.Set<StaffMember>() on c.ResponsibleStaffId equals s.Id into responsible
            from s in responsible.DefaultIfEmpty()
            orderby c.Id descending
            select new { c.Id, c.Type, c.OwningUnitId, Unit = u.Name, c.SubjectPersonId, p.FirstName, p.LastName, p.Pseudonym, c.ReceivedAt, Staff = s.DisplayName })
            .Take(limit + 1).ToListAsync(ct);

        var items = rows.Take(limit)
            .Select(r => new CaseSummary(r.Id, r.Type, r.OwningUnitId, r.Unit, r.SubjectPersonId,
                Person.NameOf(r.FirstName, r.LastName, r.Pseudonym), r.ReceivedAt, r.Staff))
            .ToList();
        return new Page<CaseSummary>(items, rows.Count > limit ? items[^1].Id.ToString() : null);
    }

    public async Task<CaseDetails> Get(Actor actor, Guid id, CancellationToken ct)
    {
        var c = await db.Set<Case>().AsNoTracking().Include(x => x.Parties)
            .SingleOrDefaultAsync(x => x.Id == id && x.OrganisationId == actor.OrganisationId, ct)
            ?? throw new NotFoundException("Ärendet", id);

        var unit = await db.Set<Unit>().Where(u => u.Id == c.OwningUnitId).Select(u => u.Name).SingleAsync(ct);
        var staff = c.ResponsibleStaffId is { } staffId
            ? await db.Set<StaffMember>().Where(s => s.Id == staffId).Select(s => s.DisplayName).SingleOrDefaultAsync(ct)
            : null;

        var personIds = c.Parties.Select(p => p.PersonId).ToList();
        var people = await db.Set<Person>().AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var parties = c.Parties.OrderBy(p => p.Role).Select(party =>
        {
            var person = people[party.PersonId];
            return new PartyView(person.Id, person.DisplayName, party.Role, person.IdentityKind, person.IdentityNumber, person.Gender);
        }).ToList();

        CaseGroupSummary? group = null;
        if (c.CaseGroupId is { } groupId)
        {
            var g = await db.Set<CaseGroup>().AsNoTracking().SingleAsync(x => x.Id == groupId, ct);
            var members = await db.Set<Case>().Where(x => x.CaseGroupId == groupId).OrderBy(x => x.Id).Select(x => x.Id).ToListAsync(ct);
            group = new CaseGroupSummary(g.Id, g.Kind, g.Label, members);
        }

        return new CaseDetails(c.Id, c.Version, c.Type, c.OwningUnitId, unit, c.ReceivedAt, c.Summary,
            c.ResponsibleStaffId, staff, group, parties);
    }

    /// <summary>The journal of one case in the order it was written; corrections appear as their own entries.</summary>
    public async Task<IReadOnlyList<JournalEntryView>> Journal(Actor actor, Guid caseId, CancellationToken ct)
    {
        if (!await db.Set<Case>().AnyAsync(c => c.Id == caseId && c.OrganisationId == actor.OrganisationId, ct))
            throw new NotFoundException("Ärendet", caseId);
        return await (
            from e in db.Set<JournalEntry>().AsNoTracking()
            where e.CaseId == caseId
            join s in db.Set<StaffMember>() on e.AuthorId equals s.Id
            orderby e.Id
            select new JournalEntryView(e.Id, e.CaseId, e.WrittenAt, e.AuthorId, s.DisplayName, e.Text, e.CorrectsEntryId))
            .ToListAsync(ct);
    }
}
