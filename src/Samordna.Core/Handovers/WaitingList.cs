using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Samordna.Core.Access;
using Samordna.Core.Audit;
using Samordna.Core.Cases;
using Samordna.Core.Organisations;
using Samordna.Core.People;
using Samordna.Core.Staff;

namespace Samordna.Core.Handovers;

/// <summary>Ställ i kö: queue the client at a unit directly, without a handover. <see cref="ReferredAt"/> defaults to now.</summary>
public sealed record Enqueue(Guid? UnitId, DateTimeOffset? ReferredAt = null);

public sealed record AddInterimContact(InterimContactKind? Kind, string? Note, DateTimeOffset? At = null);

/// <summary>The first session took place at <see cref="At"/> (default now).</summary>
public sealed record RecordFirstSession(DateTimeOffset? At = null);

public sealed record RemoveFromQueue(string? Reason);

public sealed record InterimContactView(Guid Id, DateTimeOffset At, string By, InterimContactKind Kind, string? Note);

/// <summary>A place in a unit's queue.</summary>
/// <param name="Position">1-based place among the unit's waiting clients; null once the wait is over.</param>
/// <param name="WaitedDays">Swedish calendar days waited so far, or until the first session (or removal).</param>
/// <param name="Alert">Still waiting, longer than the configured limit.</param>
/// <param name="WaitingDays">The recorded waiting time, referral to first session.</param>
public sealed record WaitingListEntryView(Guid Id, long Version, Guid CaseId, CaseType CaseType, Guid SubjectPersonId, string SubjectName,
    Guid UnitId, string Unit, Guid? HandoverId, DateTimeOffset ReferredAt, WaitingListStatus Status, int? Position, int WaitedDays, bool Alert,
    DateTimeOffset? FirstSessionAt, int? WaitingDays, DateTimeOffset? RemovedAt, string? RemovalReason, IReadOnlyList<InterimContactView> InterimContacts);

/// <summary>A unit's waiting list, first in line first.</summary>
public sealed record WaitingListView(Guid UnitId, string Unit, int AlertAfterDays, int Alerts, IReadOnlyList<WaitingListEntryView> Entries);

public sealed class EnqueueValidator : AbstractValidator<Enqueue>
{
    public EnqueueValidator(TimeProvider clock)
    {
        RuleFor(c => c.UnitId).NotEmpty().WithMessage("Ange vilken enhet klienten ställs i kö hos.");
        RuleFor(c => c.ReferredAt).HasHappened(clock);
    }
}

public sealed class AddInterimContactValidator : AbstractValidator<AddInterimContact>
{
    public AddInterimContactValidator(TimeProvider clock)
    {
        RuleFor(c => c.Kind).NotNull().WithMessage("Ange hur kontakten togs: telefon, brev eller möte.")
            .IsInEnum().WithMessage("Ange hur kontakten togs: telefon, brev eller möte.");
        RuleFor(c => c.Note).MaximumLength(InterimContact.MaxNoteLength).Text(TextKind.FreeText);
        RuleFor(c => c.At).HasHappened(clock);
    }
}

public sealed class RecordFirstSessionValidator : AbstractValidator<RecordFirstSession>
{
    public RecordFirstSessionValidator(TimeProvider clock) =>
        RuleFor(c => c.At).HasHappened(clock);
}

public sealed class RemoveFromQueueValidator : AbstractValidator<RemoveFromQueue>
{
    public RemoveFromQueueValidator()
    {
        RuleFor(c => c.Reason).NotEmpty().WithMessage("Ange skälet till att klienten tas bort ur kön.").MaximumLength(WaitingListEntry.MaxRemovalReasonLength);
        RuleFor(c => c.Reason).Text(TextKind.FreeText);
    }
}

/// <summary>
/// Waiting lists: a unit's queue with positions, days waited and alerts; queueing a client; contacts
/// while they wait; the first session, which ends the wait and starts the case's support track; and
/// leaving the queue with a reason. A queue is shown to staff with case content in its unit; a place in
/// it to anyone who may open the case (the referring worker keeps in touch while the client waits).
/// </summary>
public sealed class WaitingListHandler(DbContext db, TimeProvider clock, AccessPolicy policy, AuditTrail audit,
    IOptions<WaitingListSettings> settings, IValidator<Enqueue> enqueueValidator, IValidator<AddInterimContact> contactValidator,
    IValidator<RecordFirstSession> firstSessionValidator, IValidator<RemoveFromQueue> removeValidator)
{
    private int AlertAfterDays => settings.Value.AlertAfterDays;

    /// <summary>The unit's waiting clients, first in line first. The listed cases and persons are logged.</summary>
    public async Task<WaitingListView> Queue(Actor actor, Guid unitId, CancellationToken ct)
    {
        var unit = await db.Set<Unit>().AsNoTracking().SingleOrDefaultAsync(u => u.Id == unitId && u.OrganisationId == actor.OrganisationId, ct)
            ?? throw new NotFoundException("Enheten", unitId);
        var role = AccessPolicy.RequireUnitStaff(actor, unitId, "Bara personal i enheten kan se enhetens kö.");

        var waiting = db.Set<WaitingListEntry>().Where(e => e.UnitId == unitId && e.Status == WaitingListStatus.Waiting);
        var positions = WaitingListEntry.Positions((await waiting.Select(e => new { e.Id, e.ReferredAt }).ToListAsync(ct))
            .Select(e => (e.Id, e.ReferredAt)));
        // Every waiting client's case is open to the unit (owner or case team); the policy still decides what is shown.
        var readable = policy.ReadableCases(actor).Select(c => c.Id);
        var entries = await waiting.Where(e => readable.Contains(e.CaseId)).Include(e => e.InterimContacts).AsNoTracking().ToListAsync(ct);
        var views = (await Views(entries, positions, ct)).OrderBy(v => v.Position).ToList();

        audit.Record(actor, AuditAction.Search,
            views.SelectMany(v => new[] { AuditSubject.Case(v.CaseId), AuditSubject.Person(v.SubjectPersonId) }), through: role);
        await db.SaveChangesAsync(ct);
        return new WaitingListView(unit.Id, unit.Name, AlertAfterDays, views.Count(v => v.Alert), views);
    }

    /// <summary>One place in a queue. The read is logged.</summary>
    public async Task<WaitingListEntryView> Get(Actor actor, Guid entryId, CancellationToken ct)
    {
        var (entry, access) = await Find(actor, entryId, CaseOperation.Read, tracked: false, ct);
        var view = await View(entry, ct);
        audit.CaseAccessed(actor, AuditAction.ReadCase, access, [view.SubjectPersonId]);
        await db.SaveChangesAsync(ct);
        return view;
    }

    /// <summary>
    /// Queues the client at a unit without a handover. Only the owning unit refers its client elsewhere;
    /// a unit other than the owner joins the case team (reason Remiss) so it can open the case.
    /// </summary>
    public async Task<WaitingListEntryView> Enqueue(Actor actor, Guid caseId, Enqueue command, CancellationToken ct)
    {
        await enqueueValidator.ValidateAndThrowAsync(command, ct);
        var access = await policy.RequireCase(actor, caseId, CaseOperation.HandOver, ct);
        var @case = await db.Set<Case>().AsNoTracking().SingleAsync(c => c.Id == caseId, ct);
        @case.EnsureOpen();
        var unitId = command.UnitId!.Value;
        if (!await db.Set<Unit>().AnyAsync(u => u.Id == unitId && u.OrganisationId == actor.OrganisationId, ct))
            throw new NotFoundException("Enheten", unitId);
        if (await db.Set<WaitingListEntry>().AnyAsync(e => e.CaseId == caseId && e.UnitId == unitId && e.Status == WaitingListStatus.Waiting, ct))
            throw new DomainRuleException("Klienten står redan i kö hos enheten.");

        var now = clock.GetUtcNow();
        if (unitId != @case.OwningUnitId && !await db.Set<CaseTeamMember>().AnyAsync(t => t.CaseId == caseId && t.UnitId == unitId, ct))
            db.Add(new CaseTeamMember(actor.OrganisationId, caseId, unitId, CaseTeamReason.Referral, actor.StaffMemberId, now));
        var entry = new WaitingListEntry(actor.OrganisationId, caseId, unitId, (command.ReferredAt ?? now).ToUniversalTime(), actor.StaffMemberId, null);
        db.Add(entry);

        audit.CaseAccessed(actor, AuditAction.ChangeWaitingList, access);
        await db.SaveChangesAsync(ct);
        return await View(entry, ct);
    }

    /// <summary>Logs a contact with the waiting client: a call, a letter, a meeting, with a short note.</summary>
    public async Task<WaitingListEntryView> AddInterimContact(Actor actor, Guid entryId, AddInterimContact command, CancellationToken ct)
    {
        await contactValidator.ValidateAndThrowAsync(command, ct);
        var (entry, access) = await Find(actor, entryId, CaseOperation.WorkTasks, tracked: true, ct);
        var contact = entry.AddInterimContact((command.At ?? clock.GetUtcNow()).ToUniversalTime(), actor.StaffMemberId, command.Kind!.Value, command.Note);
        db.Add(contact);
        audit.CaseAccessed(actor, AuditAction.ChangeWaitingList, access);
        await db.SaveChangesAsync(ct);
        return await View(entry, ct);
    }

    /// <summary>
    /// The first session: the wait ends and its length is recorded, and the case's support track starts
    /// (treatment has begun) unless support is already running — also while the investigation is still open.
    /// </summary>
    public async Task<WaitingListEntryView> RecordFirstSession(Actor actor, Guid entryId, RecordFirstSession command, CancellationToken ct)
    {
        await firstSessionValidator.ValidateAndThrowAsync(command, ct);
        var (entry, access) = await Find(actor, entryId, CaseOperation.WorkTasks, tracked: true, ct);
        var at = (command.At ?? clock.GetUtcNow()).ToUniversalTime();
        entry.RecordFirstSession(at, actor.StaffMemberId);
        var @case = await db.Set<Case>().SingleAsync(c => c.Id == entry.CaseId, ct);
        if (!@case.SupportActive) @case.StartSupport(at);
        audit.CaseAccessed(actor, AuditAction.ChangeWaitingList, access);
        await db.SaveChangesAsync(ct);
        return await View(entry, ct);
    }

    /// <summary>Takes the client out of the queue without a session, with the reason.</summary>
    public async Task<WaitingListEntryView> Remove(Actor actor, Guid entryId, RemoveFromQueue command, CancellationToken ct)
    {
        await removeValidator.ValidateAndThrowAsync(command, ct);
        var (entry, access) = await Find(actor, entryId, CaseOperation.WorkTasks, tracked: true, ct);
        entry.Remove(clock.GetUtcNow(), actor.StaffMemberId, command.Reason);
        audit.CaseAccessed(actor, AuditAction.ChangeWaitingList, access);
        await db.SaveChangesAsync(ct);
        return await View(entry, ct);
    }

    /// <summary>The entry and the reader's access to its case; an entry the reader may not see answers like a missing one.</summary>
    private async Task<(WaitingListEntry, CaseAccess)> Find(Actor actor, Guid entryId, CaseOperation operation, bool tracked, CancellationToken ct)
    {
        IQueryable<WaitingListEntry> entries = db.Set<WaitingListEntry>().Include(e => e.InterimContacts);
        var entry = await (tracked ? entries : entries.AsNoTracking())
            .SingleOrDefaultAsync(e => e.Id == entryId && e.OrganisationId == actor.OrganisationId, ct)
            ?? throw new NotFoundException("Köplatsen", entryId);
        return (entry, await policy.RequireCaseOf(actor, entry.CaseId, operation, new NotFoundException("Köplatsen", entryId), ct));
    }

    private async Task<WaitingListEntryView> View(WaitingListEntry entry, CancellationToken ct)
    {
        var positions = entry.IsWaiting
            ? WaitingListEntry.Positions((await db.Set<WaitingListEntry>()
                    .Where(e => e.UnitId == entry.UnitId && e.Status == WaitingListStatus.Waiting)
                    .Select(e => new { e.Id, e.ReferredAt }).ToListAsync(ct)).Select(e => (e.Id, e.ReferredAt)))
            : new Dictionary<Guid, int>();
        return (await Views([entry], positions, ct)).Single();
    }

    private async Task<IReadOnlyList<WaitingListEntryView>> Views(IReadOnlyList<WaitingListEntry> entries, IReadOnlyDictionary<Guid, int> positions,
        CancellationToken ct)
    {
        var caseIds = entries.Select(e => e.CaseId).Distinct().ToList();
        var cases = await (
            from c in db.Set<Case>().AsNoTracking()
            where caseIds.Contains(c.Id)
            join p in db.Set<Person>() on c.SubjectPersonId equals p.Id
            select new { c.Id, c.Type, c.SubjectPersonId, p.FirstName, p.LastName, p.Pseudonym }).ToDictionaryAsync(c => c.Id, ct);
        var unitIds = entries.Select(e => e.UnitId).Distinct().ToList();
        var units = await db.Set<Unit>().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var staffIds = entries.SelectMany(e => e.InterimContacts).Select(c => c.StaffMemberId).Distinct().ToList();
        var staff = await db.Set<StaffMember>().Where(s => staffIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.DisplayName, ct);
        var today = SwedishTime.Today(clock);

        return entries.Select(e =>
        {
            var c = cases[e.CaseId];
            var contacts = e.InterimContacts.OrderBy(x => x.At).ThenBy(x => x.Id)
                .Select(x => new InterimContactView(x.Id, x.At, staff.GetValueOrDefault(x.StaffMemberId, ""), x.Kind, x.Note)).ToList();
            return new WaitingListEntryView(e.Id, e.Version, e.CaseId, c.Type, c.SubjectPersonId, Person.NameOf(c.FirstName, c.LastName, c.Pseudonym),
                e.UnitId, units[e.UnitId], e.HandoverId, e.ReferredAt, e.Status, positions.TryGetValue(e.Id, out var position) ? position : null,
                e.WaitedDays(today), e.WaitExceeds(AlertAfterDays, today), e.FirstSessionAt, e.WaitingDays, e.RemovedAt, e.RemovalReason, contacts);
        }).ToList();
    }
}
