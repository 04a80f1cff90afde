using Microsoft.EntityFrameworkCore;
using Samordna.Core.Access;
using Samordna.Core.Cases;
using Samordna.Core.Organisations;
using Samordna.Core.People;
using Samordna.Core.Staff;

namespace Samordna.Core.Audit;

/// <param name="Role">The role the access was made in (stored as its name in the sealed entry; camelCase on the wire like every enum).</param>
public sealed record AuditEntryView(Guid Id, long Sequence, DateTimeOffset At, Guid? StaffMemberId, string ActorName, StaffRole? Role,
    Guid? UnitId, string? Unit, AuditAction Action, string? Purpose, string? ClientAddress, AuditFlags Flags,
    IReadOnlyList<Guid> CaseIds, IReadOnlyList<Guid> PersonIds, IReadOnlyList<Guid> ChangedStaffIds);

/// <param name="StaffMemberId">Entries written by this member of staff.</param>
/// <param name="ChangedStaffMemberId">Staff administration entries about this member of staff (the one whose account or access changed).</param>
public sealed record AuditFilter(Guid? StaffMemberId = null, Guid? PersonId = null, Guid? CaseId = null,
    DateTimeOffset? From = null, DateTimeOffset? To = null, AuditAction? Action = null, AuditCheck? Check = null,
    Guid? ChangedStaffMemberId = null);

/// <summary>Saved checks of the log review (logguppföljning).</summary>
public enum AuditCheck
{
    /// <summary>Every use of nödåtkomst.</summary>
    EmergencyAccess,

    /// <summary>Every access to a person with skyddade personuppgifter.</summary>
    ProtectedPersons,

    /// <summary>Members of staff who opened many cases that are not in their own caseload.</summary>
    ManyCasesOutsideCaseload,

    /// <summary>Access to one's own record, or a relative's (same surname and street address).</summary>
    OwnOrRelativeRecord,

    /// <summary>Every change of roles or clearance: asked for, approved, rejected or applied at once, with who changed whom.</summary>
    StaffAccessChanges,

    /// <summary>
    /// Möjliga dubbletter: registrations that met a hidden record with the same number, and their merging or
    /// unlinking — someone may be looking for a person they are not allowed to find.
    /// </summary>
    IdentityMatches,

    /// <summary>Every time skyddade personuppgifter were given to, changed for or taken from a registered person.</summary>
    ProtectedIdentityChanges,
}

/// <summary>Something a check found: who, what (in Swedish), about whom, and the entries behind it.</summary>
/// <param name="ChangedStaffMemberId">For <see cref="AuditCheck.StaffAccessChanges"/>: whose access was changed.</param>
public sealed record AuditFinding(AuditCheck Check, Guid? StaffMemberId, string ActorName, string Description, AuditAction? Action,
    Guid? PersonId, Guid? CaseId, IReadOnlyList<long> Sequences, Guid? ChangedStaffMemberId = null);

/// <summary>
/// Log review for logggranskare (the whole municipality) and enhetschefer (the staff of their own
/// units). Reviewers see who did what to which ids; they never see case content through the log.
/// </summary>
/// <summary>
/// Seals a municipality's entries still outside its chain — the data layer's sequencer, which needs SQL
/// this project does not reference — so a review sees every entry written so far, with its sequence.
/// </summary>
public delegate Task SealPendingAudit(Guid organisationId, CancellationToken ct);

public sealed class AuditReview(DbContext db, TimeProvider clock, AuditTrail audit, SealPendingAudit sealPending)
{
    public const int MaxPageSize = 200;
    public const int DefaultOutsideCaseloadThreshold = 10;

    public async Task<Page<AuditEntryView>> Entries(Actor actor, AuditFilter filter, long? beforeSequence, int limit, CancellationToken ct)
    {
        limit = Math.Clamp(limit, 1, MaxPageSize);
        DateWindows.RequirePeriodInstant(filter.From, "from", clock);
        DateWindows.RequirePeriodInstant(filter.To, "to", clock);
        await sealPending(actor.OrganisationId, ct);
        var entries = Filtered(actor, filter);
        if (beforeSequence is { } before) entries = entries.Where(e => e.Sequence < before);
        var page = await entries.OrderByDescending(e => e.Sequence).Take(limit + 1).ToListAsync(ct);
        var items = await Views(page.Take(limit), ct);
        await LogReview(actor, filter.PersonId, filter.CaseId, ct);
        return new Page<AuditEntryView>(items, page.Count > limit ? items[^1].Sequence.ToString() : null);
    }

    public async Task<IReadOnlyList<AuditFinding>> Findings(Actor actor, AuditCheck check, DateTimeOffset? from, DateTimeOffset? to,
        int outsideCaseloadThreshold, CancellationToken ct)
    {
        DateWindows.RequirePeriodInstant(from, "from", clock);
        DateWindows.RequirePeriodInstant(to, "to", clock);
        await sealPending(actor.OrganisationId, ct);
        var period = new AuditFilter(From: from ?? clock.GetUtcNow().AddDays(-30), To: to);
        switch (check)
        {
            case AuditCheck.EmergencyAccess:
            case AuditCheck.ProtectedPersons:
                var flagged = await Filtered(actor, period with { Check = check }).OrderBy(e => e.Sequence).ToListAsync(ct);
                await LogReview(actor, null, null, ct);
                return flagged.Select(e => new AuditFinding(check, e.StaffMemberId, e.ActorName,
                    check == AuditCheck.EmergencyAccess ? $"Nödåtkomst med skälet: {e.Purpose}" : "Åtkomst till en person med skyddade personuppgifter",
                    e.Action, e.Subjects.FirstOrDefault(s => s.PersonId != null)?.PersonId, e.Subjects.FirstOrDefault(s => s.CaseId != null)?.CaseId,
                    [e.Sequence])).ToList();

            case AuditCheck.ManyCasesOutsideCaseload:
                var outside = await Filtered(actor, period)
                    .Where(e => e.Flags.HasFlag(AuditFlags.OutsideCaseload))
                    .SelectMany(e => e.Subjects.Where(s => s.CaseId != null), (e, s) => new { e.StaffMemberId, e.ActorName, e.Sequence, s.CaseId })
                    .ToListAsync(ct);
                await LogReview(actor, null, null, ct);
                return outside.GroupBy(x => (x.StaffMemberId, x.ActorName))
                    .Select(g => (g.Key, Cases: g.Select(x => x.CaseId).Distinct().Count(), Sequences: g.Select(x => x.Sequence).Distinct().Order().ToList()))
                    .Where(g => g.Cases >= outsideCaseloadThreshold)
                    .OrderByDescending(g => g.Cases)
                    .Select(g => new AuditFinding(check, g.Key.StaffMemberId, g.Key.ActorName,
                        $"Öppnade {g.Cases} {(g.Cases == 1 ? "ärende" : "ärenden")} utanför sin egen ärendelista", null, null, null, g.Sequences))
                    .ToList();

            case AuditCheck.OwnOrRelativeRecord:
                await LogReview(actor, null, null, ct);
                return await OwnOrRelative(actor, period, ct);

            case AuditCheck.IdentityMatches:
            case AuditCheck.ProtectedIdentityChanges:
                var found = await Filtered(actor, period with { Check = check }).OrderBy(e => e.Sequence).ToListAsync(ct);
                await LogReview(actor, null, null, ct);
                return found.Select(e => new AuditFinding(check, e.StaffMemberId, e.ActorName, e.Action switch
                    {
                        AuditAction.IdentityMatchFound => "Registrerade ett identitetsnummer som en post hen inte får se redan har (möjlig dubblett)",
                        AuditAction.ResolveIdentityMatch => "Slog samman eller skilde åt en möjlig dubblett",
                        _ => "Ändrade skyddade personuppgifter",
                    }, e.Action, e.Subjects.FirstOrDefault(s => s.PersonId != null)?.PersonId, null, [e.Sequence])).ToList();

            case AuditCheck.StaffAccessChanges:
                var changes = await Filtered(actor, period with { Check = check }).OrderBy(e => e.Sequence).ToListAsync(ct);
                await LogReview(actor, null, null, ct);
                var changedIds = changes.SelectMany(e => e.Subjects).Where(s => s.StaffMemberId != null).Select(s => s.StaffMemberId!.Value).Distinct().ToList();
                var names = await db.Set<StaffMember>().AsNoTracking().Where(m => changedIds.Contains(m.Id))
                    .Select(m => new { m.Id, m.DisplayName }).ToDictionaryAsync(m => m.Id, m => m.DisplayName, ct);
                return changes.Select(e =>
                {
                    var changed = e.Subjects.FirstOrDefault(s => s.StaffMemberId != null)?.StaffMemberId;
                    var whom = changed is { } id && names.TryGetValue(id, out var name) ? name : "en medarbetare";
                    return new AuditFinding(check, e.StaffMemberId, e.ActorName, StaffAccessDescription(e.Action, whom), e.Action, null, null,
                        [e.Sequence], changed);
                }).ToList();

            default:
                throw new ArgumentOutOfRangeException(nameof(check));
        }
    }

    private async Task<IReadOnlyList<AuditFinding>> OwnOrRelative(Actor actor, AuditFilter period, CancellationToken ct)
    {
        var touches = await Filtered(actor, period)
            .SelectMany(e => e.Subjects.Where(s => s.PersonId != null), (e, s) => new { e.StaffMemberId, e.ActorName, e.Sequence, PersonId = s.PersonId!.Value })
            .ToListAsync(ct);
        var staff = await db.Set<StaffMember>().AsNoTracking().Where(s => s.OrganisationId == actor.OrganisationId)
            .ToDictionaryAsync(s => s.Id, ct);
        var personIds = touches.Select(t => t.PersonId).Distinct().ToList();
        var people = await db.Set<Person>().AsNoTracking().Where(p => personIds.Contains(p.Id))
            .Select(p => new { p.Id, p.IdentityNumber, p.LastName, p.Contact.StreetAddress }).ToDictionaryAsync(p => p.Id, ct);

        var findings = new List<AuditFinding>();
        foreach (var group in touches.GroupBy(t => (t.StaffMemberId, t.PersonId, t.ActorName)))
        {
            if (group.Key.StaffMemberId is not { } staffId || !staff.TryGetValue(staffId, out var member) ||
                !people.TryGetValue(group.Key.PersonId, out var person)) continue;
            var own = member.IdentityNumber is not null && member.IdentityNumber == person.IdentityNumber;
            var relative = !own && member.HomeAddress is not null && person.StreetAddress is not null &&
                           string.Equals(member.FamilyName, person.LastName, StringComparison.OrdinalIgnoreCase) &&
                           string.Equals(member.HomeAddress, person.StreetAddress, StringComparison.OrdinalIgnoreCase);
            if (own || relative)
                findings.Add(new AuditFinding(AuditCheck.OwnOrRelativeRecord, staffId, group.Key.ActorName,
                    own ? "Åtkomst till egna uppgifter" : "Åtkomst till uppgifter om en person med samma efternamn och adress",
                    null, group.Key.PersonId, null, group.Select(t => t.Sequence).Distinct().Order().ToList()));
        }
        return findings;
    }

    private static readonly AuditAction[] StaffAccessActions =
        [AuditAction.RequestStaffAccess, AuditAction.ApproveStaffAccess, AuditAction.RejectStaffAccess, AuditAction.ChangeStaffAccess];

    private static string StaffAccessDescription(AuditAction action, string whom) => action switch
    {
        AuditAction.RequestStaffAccess => $"Beställde roll med ärendeinnehåll eller behörighet för skyddade personuppgifter åt {whom}",
        AuditAction.ApproveStaffAccess => $"Godkände en behörighetsbeställning åt {whom}",
        AuditAction.RejectStaffAccess => $"Avslog en behörighetsbeställning åt {whom}",
        _ => $"Ändrade roller, behörighet eller aktivering för {whom}",
    };

    /// <summary>Reviewing the log is itself logged, with the person or case the reviewer looked for.</summary>
    private async Task LogReview(Actor actor, Guid? personId, Guid? caseId, CancellationToken ct)
    {
        var subjects = new List<AuditSubject>();
        if (personId is { } person) subjects.Add(AuditSubject.Person(person));
        if (caseId is { } @case) subjects.Add(AuditSubject.Case(@case));
        audit.Record(actor, AuditAction.ReviewAuditLog, subjects, through: AuditReviewScope.Of(actor).Through);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The entries the reviewer may see, narrowed by the filter.</summary>
    private IQueryable<AuditEntry> Filtered(Actor actor, AuditFilter filter)
    {
        var entries = db.Set<AuditEntry>().AsNoTracking().Where(e => e.OrganisationId == actor.OrganisationId);
        var scope = AuditReviewScope.Of(actor);
        if (!scope.MayReview) return entries.Where(_ => false);
        if (!scope.WholeMunicipality)
        {
            // An enhetschef reviews the staff of the units they manage.
            var managed = scope.ManagedUnits;
            var staffOfUnits = db.Set<RoleAssignment>().Where(r => managed.Contains(r.UnitId)).Select(r => r.StaffMemberId);
            entries = entries.Where(e => e.StaffMemberId != null && staffOfUnits.Contains(e.StaffMemberId.Value));
        }
        if (filter.StaffMemberId is { } staff) entries = entries.Where(e => e.StaffMemberId == staff);
        if (filter.PersonId is { } person) entries = entries.Where(e => e.Subjects.Any(s => s.PersonId == person));
        if (filter.CaseId is { } @case) entries = entries.Where(e => e.Subjects.Any(s => s.CaseId == @case));
        if (filter.ChangedStaffMemberId is { } changed) entries = entries.Where(e => e.Subjects.Any(s => s.StaffMemberId == changed));
        if (filter.From is { } from) entries = entries.Where(e => e.At >= from);
        if (filter.To is { } to) entries = entries.Where(e => e.At < to);
        if (filter.Action is { } action) entries = entries.Where(e => e.Action == action);
        if (filter.Check == AuditCheck.EmergencyAccess) entries = entries.Where(e => e.Flags.HasFlag(AuditFlags.EmergencyAccess));
        if (filter.Check == AuditCheck.ProtectedPersons) entries = entries.Where(e => e.Flags.HasFlag(AuditFlags.ProtectedPerson));
        if (filter.Check == AuditCheck.StaffAccessChanges) entries = entries.Where(e => StaffAccessActions.Contains(e.Action));
        if (filter.Check == AuditCheck.IdentityMatches)
            entries = entries.Where(e => e.Action == AuditAction.IdentityMatchFound || e.Action == AuditAction.ResolveIdentityMatch);
        if (filter.Check == AuditCheck.ProtectedIdentityChanges) entries = entries.Where(e => e.Action == AuditAction.ChangeProtectedIdentity);
        return entries;
    }

    private async Task<List<AuditEntryView>> Views(IEnumerable<AuditEntry> entries, CancellationToken ct)
    {
        var list = entries.ToList();
        var ids = list.Select(e => e.Id).ToList();
        var subjects = (await db.Set<AuditSubject>().AsNoTracking().Where(s => ids.Contains(s.EntryId)).ToListAsync(ct)).ToLookup(s => s.EntryId);
        var unitIds = list.Where(e => e.UnitId != null).Select(e => e.UnitId!.Value).Distinct().ToList();
        var units = await db.Set<Unit>().AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return list.Select(e => new AuditEntryView(e.Id, e.Sequence, e.At, e.StaffMemberId, e.ActorName,
            Enum.TryParse<StaffRole>(e.Role, out var role) ? role : null, e.UnitId,
            e.UnitId is { } u && units.TryGetValue(u, out var name) ? name : null, e.Action, e.Purpose, e.ClientAddress, e.Flags,
            subjects[e.Id].Where(s => s.CaseId != null).Select(s => s.CaseId!.Value).ToList(),
            subjects[e.Id].Where(s => s.PersonId != null).Select(s => s.PersonId!.Value).ToList(),
            subjects[e.Id].Where(s => s.StaffMemberId != null).Select(s => s.StaffMemberId!.Value).ToList())).ToList();
    }
}
