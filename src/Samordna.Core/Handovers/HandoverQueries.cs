using Microsoft.EntityFrameworkCore;
using Samordna.Core.Access;
using Samordna.Core.Audit;
using Samordna.Core.Cases;
using Samordna.Core.Organisations;
using Samordna.Core.People;
using Samordna.Core.Staff;

namespace Samordna.Core.Handovers;

/// <summary>A handover as the receiving unit reads it: the case it is about, who handed it over, the summary, and where it stands.</summary>
/// <param name="MayAnswer">The reader works in the receiving unit and the handover is still pending.</param>
/// <param name="WaitingListEntryId">The place in the receiving unit's queue this handover made, if any.</param>
public sealed record HandoverView(Guid Id, long Version, Guid CaseId, CaseType CaseType, Guid SubjectPersonId, string SubjectName,
    Guid FromUnitId, string FromUnit, Guid ToUnitId, string ToUnit, string HandedOverBy, DateTimeOffset HandedOverAt, int AgeInDays,
    HandoverSummary Summary, HandoverStatus Status, DateTimeOffset? AcceptedAt, string? AcceptedBy, DateTimeOffset? DeclinedAt,
    string? DeclinedBy, string? DeclineReason, Guid? WaitingListEntryId, bool MayAnswer);

/// <summary>A handover in a list: no summary and no names of clients, so a list can be shown to anyone it concerns.</summary>
public sealed record HandoverRow(Guid Id, Guid CaseId, CaseType CaseType, Guid FromUnitId, string FromUnit, Guid ToUnitId, string ToUnit,
    string HandedOverBy, DateTimeOffset HandedOverAt, HandoverStatus Status, int AgeInDays);

/// <summary>How many handovers a receiving unit has left unfinished, and the oldest one's age.</summary>
public sealed record PendingPerUnit(Guid UnitId, string Unit, int Count, int OldestAgeInDays);

/// <summary>
/// Ej slutförda överlämningar: handovers never accepted or declined, oldest first, per receiving unit.
/// <see cref="WholeMunicipality"/> for unit managers; otherwise those to or from the reader's units.
/// </summary>
public sealed record PendingHandoversReport(bool WholeMunicipality, IReadOnlyList<Guid> OwnUnitIds,
    IReadOnlyList<PendingPerUnit> PerReceivingUnit, IReadOnlyList<HandoverRow> Handovers);

/// <summary>What the handover form needs: the case, and the units it may be handed to.</summary>
public sealed record HandoverForm(Guid CaseId, CaseType CaseType, string SubjectName, Guid OwningUnitId, string OwningUnit,
    IReadOnlyList<UnitView> Units, IReadOnlyList<HandoverRow> Pending);

public sealed class HandoverQueries(DbContext db, TimeProvider clock, AccessPolicy policy, AuditTrail audit)
{
    public const int MaxReportRows = 500;

    /// <summary>One handover with its summary, for anyone who may open the case — the receiving unit from the moment it was handed over. The read is logged.</summary>
    public async Task<HandoverView> Get(Actor actor, Guid id, CancellationToken ct)
    {
        var (handover, access) = await Find(actor, id, ct);
        var view = await Build(actor, handover, ct);
        audit.CaseAccessed(actor, AuditAction.ReadCase, access, [view.SubjectPersonId]);
        await db.SaveChangesAsync(ct);
        return view;
    }

    /// <summary>The handovers of one case, newest first. The read is logged.</summary>
    public async Task<IReadOnlyList<HandoverRow>> OfCase(Actor actor, Guid caseId, CancellationToken ct)
    {
        var access = await policy.RequireCase(actor, caseId, CaseOperation.Read, ct);
        var rows = await Rows(db.Set<Handover>().Where(h => h.CaseId == caseId)).ToListAsync(ct);
        audit.CaseAccessed(actor, AuditAction.ReadCase, access);
        await db.SaveChangesAsync(ct);
        return WithAge(rows.OrderByDescending(r => r.HandedOverAt).ThenByDescending(r => r.Id));
    }

    /// <summary>The handover form of a case: only the owning unit hands over. The read is logged.</summary>
    public async Task<HandoverForm> Prepare(Actor actor, Guid caseId, CancellationToken ct)
    {
        var access = await policy.RequireCase(actor, caseId, CaseOperation.HandOver, ct);
        var c = await (
            from x in db.Set<Case>().AsNoTracking()
            where x.Id == caseId
            join p in db.Set<Person>() on x.SubjectPersonId equals p.Id
            join u in db.Set<Unit>() on x.OwningUnitId equals u.Id
            select new { x.Type, x.SubjectPersonId, p.FirstName, p.LastName, p.Pseudonym, Unit = u.Name }).SingleAsync(ct);
        var units = await db.Set<Unit>().AsNoTracking()
            .Where(u => u.OrganisationId == actor.OrganisationId && u.Id != access.OwningUnitId).OrderBy(u => u.Name)
            .Select(u => new UnitView(u.Id, u.Name, u.Kind, u.DistrictId)).ToListAsync(ct);
        var pending = await Rows(db.Set<Handover>().Where(h => h.CaseId == caseId && h.Status == HandoverStatus.Pending)).ToListAsync(ct);
        audit.CaseAccessed(actor, AuditAction.ReadCase, access, [c.SubjectPersonId]);
        await db.SaveChangesAsync(ct);
        return new HandoverForm(caseId, c.Type, Person.NameOf(c.FirstName, c.LastName, c.Pseudonym), access.OwningUnitId, c.Unit, units, WithAge(pending));
    }

    /// <summary>
    /// Ej slutförda överlämningar: pending handovers to or from the reader's units — for a unit manager, the
    /// whole municipality's — with their age in Swedish calendar days, the oldest first, and per receiving
    /// unit how many and how old. No client names: the report reaches beyond the cases the reader may open.
    /// The listed cases are logged.
    /// </summary>
    public async Task<PendingHandoversReport> Pending(Actor actor, CancellationToken ct)
    {
        var ownUnits = actor.UnitsWith(Capability.CaseContent);
        var wholeMunicipality = actor.HasRole(StaffRole.UnitManager);
        var pending = db.Set<Handover>().Where(h => h.OrganisationId == actor.OrganisationId && h.Status == HandoverStatus.Pending);
        if (!wholeMunicipality) pending = pending.Where(h => ownUnits.Contains(h.ToUnitId) || ownUnits.Contains(h.FromUnitId));

        var oldest = pending.OrderBy(h => h.HandedOverAt).ThenBy(h => h.Id).Take(MaxReportRows);
        var rows = WithAge((await Rows(oldest).ToListAsync(ct)).OrderBy(r => r.HandedOverAt).ThenBy(r => r.Id));
        var perUnit = await pending.GroupBy(h => h.ToUnitId)
            .Select(g => new { UnitId = g.Key, Count = g.Count(), Oldest = g.Min(h => h.HandedOverAt) }).ToListAsync(ct);
        var unitIds = perUnit.Select(p => p.UnitId).ToList();
        var names = await db.Set<Unit>().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var today = SwedishTime.Today(clock);
        var summary = perUnit
            .Select(p => new PendingPerUnit(p.UnitId, names[p.UnitId], p.Count, Age(p.Oldest, today)))
            .OrderByDescending(p => p.OldestAgeInDays).ThenBy(p => p.Unit).ToList();

        audit.Record(actor, AuditAction.Search, rows.Select(r => AuditSubject.Case(r.CaseId)));
        await db.SaveChangesAsync(ct);
        return new PendingHandoversReport(wholeMunicipality, ownUnits, summary, rows);
    }

    /// <summary>The handover as it stands after a change the caller already logged.</summary>
    internal async Task<HandoverView> View(Actor actor, Guid id, CancellationToken ct) =>
        await Build(actor, await db.Set<Handover>().AsNoTracking().SingleAsync(h => h.Id == id, ct), ct);

    /// <summary>The handover and the reader's access to its case; one the reader may not see answers like a missing one.</summary>
    internal async Task<(Handover Handover, CaseAccess Access)> Find(Actor actor, Guid id, CancellationToken ct, bool tracked = false)
    {
        var handovers = tracked ? db.Set<Handover>() : db.Set<Handover>().AsNoTracking();
        var handover = await handovers.SingleOrDefaultAsync(h => h.Id == id && h.OrganisationId == actor.OrganisationId, ct)
            ?? throw new NotFoundException("Överlämningen", id);
        var access = await policy.RequireCaseOf(actor, handover.CaseId, CaseOperation.Read, new NotFoundException("Överlämningen", id), ct);
        return (handover, access);
    }


    private async Task<HandoverView> Build(Actor actor, Handover h, CancellationToken ct)
    {
        var c = await (
            from x in db.Set<Case>().AsNoTracking()
            where x.Id == h.CaseId
            join p in db.Set<Person>() on x.SubjectPersonId equals p.Id
            select new { x.Type, x.SubjectPersonId, p.FirstName, p.LastName, p.Pseudonym }).SingleAsync(ct);
        var unitIds = new[] { h.FromUnitId, h.ToUnitId };
        var units = await db.Set<Unit>().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var staffIds = new[] { h.HandedOverBy, h.AcceptedBy ?? Guid.Empty, h.DeclinedBy ?? Guid.Empty };
        var staff = await db.Set<StaffMember>().Where(s => staffIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.DisplayName, ct);
        var entry = await db.Set<WaitingListEntry>().Where(e => e.HandoverId == h.Id).Select(e => (Guid?)e.Id).FirstOrDefaultAsync(ct);
        var mayAnswer = h.Status == HandoverStatus.Pending && actor.UnitsWith(Capability.CaseContent).Contains(h.ToUnitId);
        return new HandoverView(h.Id, h.Version, h.CaseId, c.Type, c.SubjectPersonId, Person.NameOf(c.FirstName, c.LastName, c.Pseudonym),
            h.FromUnitId, units[h.FromUnitId], h.ToUnitId, units[h.ToUnitId], staff.GetValueOrDefault(h.HandedOverBy, ""), h.HandedOverAt,
            h.AgeInDays(SwedishTime.Today(clock)), h.Summary, h.Status, h.AcceptedAt, h.AcceptedBy is { } a ? staff.GetValueOrDefault(a) : null,
            h.DeclinedAt, h.DeclinedBy is { } d ? staff.GetValueOrDefault(d) : null, h.DeclineReason, entry, mayAnswer);
    }

    private IQueryable<HandoverRow> Rows(IQueryable<Handover> handovers) =>
        from h in handovers.AsNoTracking()
        join c in db.Set<Case>() on h.CaseId equals c.Id
        join giver in db.Set<Unit>() on h.FromUnitId equals giver.Id
        join receiver in db.Set<Unit>() on h.ToUnitId equals receiver.Id
        join s in db.Set<StaffMember>() on h.HandedOverBy equals s.Id
        select new HandoverRow(h.Id, h.CaseId, c.Type, h.FromUnitId, giver.Name, h.ToUnitId, receiver.Name, s.DisplayName, h.HandedOverAt, h.Status, 0);

    private List<HandoverRow> WithAge(IEnumerable<HandoverRow> rows)
    {
        var today = SwedishTime.Today(clock);
        return rows.Select(r => r with { AgeInDays = Age(r.HandedOverAt, today) }).ToList();
    }

    private static int Age(DateTimeOffset at, DateOnly today) => today.DayNumber - Deadlines.DeadlineCalculator.SwedishDay(at).DayNumber;
}
