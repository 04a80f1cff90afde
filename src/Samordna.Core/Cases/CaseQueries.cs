using Microsoft.EntityFrameworkCore;
using Samordna.Core.Access;
using Samordna.Core.Audit;
using Samordna.Core.Organisations;
using Samordna.Core.People;
using Samordna.Core.Staff;

namespace Samordna.Core.Cases;

public sealed record CaseSummary(Guid Id, CaseType Type, Guid OwningUnitId, string OwningUnit, Guid SubjectPersonId,
    string SubjectName, DateTimeOffset ReceivedAt, string? ResponsibleStaff);

/// <param name="AccessRoute">How the reader came to see the case; nödåtkomst is shown to them as such.</param>
/// <param name="Operations">What the reader may do in the case (by their unit, role and team scope); anything else answers 403.</param>
public sealed record CaseDetails(Guid Id, long Version, CaseType Type, Guid OwningUnitId, string OwningUnit,
    DateTimeOffset ReceivedAt, string? Summary, Guid? ResponsibleStaffId, string? ResponsibleStaff,
    CaseGroupSummary? Group, IReadOnlyList<PartyView> Parties, IReadOnlyList<TeamUnitView> Team, CaseAccessRoute AccessRoute,
    CaseProcessView Process, IReadOnlyList<string> Classification, IReadOnlyList<CaseTaskView> Tasks, IReadOnlyList<CaseOperation> Operations)
{
    public bool May(CaseOperation operation) => Operations.Contains(operation);
}

/// <summary>Where the case stands on its two tracks, and how it came in.</summary>
public sealed record CaseProcessView(CaseStatus Status, IntakeChannel Channel, ReporterKind? Reporter,
    InvestigationState Investigation, DateTimeOffset? InvestigationStartedAt, DateTimeOffset? DecidedAt, string? NoInvestigationReason,
    DateTimeOffset? SupportStartedAt, DateTimeOffset? SupportEndedAt, DateTimeOffset? ClosedAt, string? ClosingReason)
{
    public static CaseProcessView From(Case c) => new(c.Status, c.Intake.Channel, c.Intake.Reporter, c.Investigation,
        c.InvestigationStartedAt, c.DecidedAt, c.NoInvestigationReason, c.SupportStartedAt, c.SupportEndedAt, c.ClosedAt, c.ClosingReason);
}

public sealed record PartyView(Guid PersonId, string Name, PartyRole Role, IdentityKind IdentityKind, string? IdentityNumber,
    Gender Gender, ProtectedIdentityLevel ProtectedIdentity);

public sealed record TeamUnitView(Guid UnitId, string Unit, CaseTeamReason Reason, DateTimeOffset AddedAt, CaseTeamScope Scope);

/// <summary>
/// The group and the ids of those of its cases the reader may open — only ids cross between the
/// household's cases, and a case the reader may not open is left out, not hinted at.
/// </summary>
public sealed record CaseGroupSummary(Guid Id, CaseGroupKind Kind, string Label, IReadOnlyList<Guid> CaseIds);

public sealed record JournalEntryView(Guid Id, Guid CaseId, DateTimeOffset WrittenAt, Guid AuthorId, string Author,
    string Text, Guid? CorrectsEntryId);

public sealed class CaseQueries(DbContext db, TimeProvider clock, AccessPolicy policy, AuditTrail audit)
{
    public const int MaxPageSize = 100;

    /// <summary>The cases the actor may open, newest first, optionally those of one unit. The returned ids are logged.</summary>
    public async Task<Page<CaseSummary>> List(Actor actor, Guid? unitId, Guid? before, int limit, CancellationToken ct)
    {
        limit = Math.Clamp(limit, 1, MaxPageSize);
        var cases = policy.ReadableCases(actor).AsNoTracking();
        if (unitId is { } unit) cases = cases.Where(c => c.OwningUnitId == unit);
        if (before is { } key) cases = cases.Where(c => c.Id.CompareTo(key) < 0);

        var rows = await Summaries(cases).OrderByDescending(r => r.Id).Take(limit + 1).ToListAsync(ct);

        var page = rows.Take(limit).ToList();
        audit.Record(actor, AuditAction.Search,
            page.SelectMany(r => new[] { AuditSubject.Case(r.Id), AuditSubject.Person(r.SubjectPersonId) }));
        await db.SaveChangesAsync(ct);

        var items = page.Select(r => r.Summary).ToList();
        return new Page<CaseSummary>(items, rows.Count > limit ? items[^1].Id.ToString() : null);
    }

    /// <summary>What a list shows of each case, in one query with its unit, subject and responsible member of staff.</summary>
    private IQueryable<SummaryRow> Summaries(IQueryable<Case> cases) =>
        from c in cases
        join u in db.Set<Unit>() on c.OwningUnitId equals u.Id
        join p in db.Set<Person>() on c.SubjectPersonId equals p.Id
        join s in db.Set<StaffMember>() on c.ResponsibleStaffId equals s.Id into responsible
        from s in responsible.DefaultIfEmpty()
        select new SummaryRow
        {
            Id = c.Id, Type = c.Type, OwningUnitId = c.OwningUnitId, Unit = u.Name, SubjectPersonId = c.SubjectPersonId,
            FirstName = p.FirstName, LastName = p.LastName, Pseudonym = p.Pseudonym, ReceivedAt = c.ReceivedAt, Staff = s.DisplayName,
        };

    /// <summary>Member-initialised (not a constructor) so the database can still order and page by its properties.</summary>
    private sealed class SummaryRow
    {
        public Guid Id { get; init; }
        public CaseType Type { get; init; }
        public Guid OwningUnitId { get; init; }
        public string Unit { get; init; } = "";
        public Guid SubjectPersonId { get; init; }
        public string? FirstName { get; init; }
        public string? LastName { get; init; }
        public string? Pseudonym { get; init; }
        public DateTimeOffset ReceivedAt { get; init; }
        public string? Staff { get; init; }

        public CaseSummary Summary => new(Id, Type, OwningUnitId, Unit, SubjectPersonId, Person.NameOf(FirstName, LastName, Pseudonym), ReceivedAt, Staff);
    }

    /// <summary>One case with its parties, team and group; the read is logged.</summary>
    public async Task<CaseDetails> Get(Actor actor, Guid id, CancellationToken ct)
    {
        var access = await policy.RequireCase(actor, id, CaseOperation.Read, ct);
        var details = await Build(actor, access, ct);
        audit.CaseAccessed(actor, AuditAction.ReadCase, access, details.Parties.Select(p => p.PersonId));
        await db.SaveChangesAsync(ct);
        return details;
    }

    /// <summary>The case as it stands after a change the caller already made through <paramref name="access"/> and logged.</summary>
    internal Task<CaseDetails> Details(Actor actor, CaseAccess access, CancellationToken ct) => Build(actor, access, ct);

    /// <summary>
    /// The other cases of a group that the actor may open, oldest first, in one query: what the case page
    /// lists under the household. The cases and their subjects are logged as one search.
    /// </summary>
    public async Task<IReadOnlyList<CaseSummary>> OtherCasesInGroup(Actor actor, Guid groupId, Guid caseId, CancellationToken ct)
    {
        var rows = await Summaries(policy.ReadableCases(actor).AsNoTracking().Where(c => c.CaseGroupId == groupId && c.Id != caseId))
            .OrderBy(r => r.Id).ToListAsync(ct);
        if (rows.Count == 0) return [];

        audit.Record(actor, AuditAction.Search,
            rows.SelectMany(r => new[] { AuditSubject.Case(r.Id), AuditSubject.Person(r.SubjectPersonId) }));
        await db.SaveChangesAsync(ct);
        return rows.Select(r => r.Summary).ToList();
    }

    /// <summary>The journal of one case in the order it was written; corrections appear as their own entries. The read is logged.</summary>
    public async Task<IReadOnlyList<JournalEntryView>> Journal(Actor actor, Guid caseId, CancellationToken ct)
    {
        var access = await policy.RequireCase(actor, caseId, CaseOperation.Read, ct);
        var entries = await (
            from e in db.Set<JournalEntry>().AsNoTracking()
            where e.CaseId == caseId
            join s in db.Set<StaffMember>() on e.AuthorId equals s.Id
            orderby e.Id
            select new JournalEntryView(e.Id, e.CaseId, e.WrittenAt, e.AuthorId, s.DisplayName, e.Text, e.CorrectsEntryId))
            .ToListAsync(ct);
        audit.CaseAccessed(actor, AuditAction.ReadJournal, access);
        await db.SaveChangesAsync(ct);
        return entries;
    }

    /// <summary>
    /// One journal entry, under the same check and in the same log as the whole journal. An entry of another case
    /// answers exactly like a missing one, so an entry id teaches nothing about a case the reader may not open.
    /// </summary>
    public async Task<JournalEntryView> JournalEntry(Actor actor, Guid caseId, Guid entryId, CancellationToken ct)
    {
        var access = await policy.RequireCase(actor, caseId, CaseOperation.Read, ct);
        var entry = await (
            from e in db.Set<JournalEntry>().AsNoTracking()
            where e.CaseId == caseId && e.Id == entryId
            join s in db.Set<StaffMember>() on e.AuthorId equals s.Id
            select new JournalEntryView(e.Id, e.CaseId, e.WrittenAt, e.AuthorId, s.DisplayName, e.Text, e.CorrectsEntryId))
            .SingleOrDefaultAsync(ct) ?? throw new NotFoundException("Journalanteckningen", entryId);
        audit.CaseAccessed(actor, AuditAction.ReadJournal, access);
        await db.SaveChangesAsync(ct);
        return entry;
    }

    /// <summary>
    /// A case group, to whoever may link a case to it (<see cref="CaseGroup.AdmitsLinkBy"/>): a case in it they may
    /// open, or while it is empty a case-content role in the unit that created it. Anyone else gets the answer for a
    /// missing id. The cases listed are those the reader may open, logged as one search.
    /// </summary>
    public async Task<CaseGroupSummary> Group(Actor actor, Guid groupId, CancellationToken ct)
    {
        var readable = policy.ReadableCases(actor);
        var found = await db.Set<CaseGroup>().AsNoTracking()
            .Where(g => g.Id == groupId && g.OrganisationId == actor.OrganisationId)
            .Select(g => new { Group = g, HasCases = db.Set<Case>().Any(c => c.CaseGroupId == g.Id) })
            .SingleOrDefaultAsync(ct);
        var members = found is null ? [] : await readable.AsNoTracking().Where(c => c.CaseGroupId == groupId).OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.SubjectPersonId }).ToListAsync(ct);
        if (found is null || !found.Group.AdmitsLinkBy(actor, found.HasCases, members.Count > 0))
            throw new NotFoundException("Ärendegruppen", groupId);
        if (members.Count > 0)
        {
            audit.Record(actor, AuditAction.Search, members.SelectMany(m => new[] { AuditSubject.Case(m.Id), AuditSubject.Person(m.SubjectPersonId) }));
            await db.SaveChangesAsync(ct);
        }
        return new CaseGroupSummary(found.Group.Id, found.Group.Kind, found.Group.Label, members.Select(m => m.Id).ToList());
    }

    private async Task<CaseDetails> Build(Actor actor, CaseAccess access, CancellationToken ct)
    {
        var c = await db.Set<Case>().AsNoTracking().Include(x => x.Parties).SingleAsync(x => x.Id == access.CaseId, ct);
        var unit = await db.Set<Unit>().Where(u => u.Id == c.OwningUnitId).Select(u => u.Name).SingleAsync(ct);
        var staff = c.ResponsibleStaffId is { } staffId
            ? await db.Set<StaffMember>().Where(s => s.Id == staffId).Select(s => s.DisplayName).SingleOrDefaultAsync(ct)
            : null;

        var personIds = c.Parties.Select(p => p.PersonId).ToList();
        var people = await db.Set<Person>().AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var parties = c.Parties.OrderBy(p => p.Role).Select(party =>
        {
            var person = people[party.PersonId];
            return new PartyView(person.Id, person.DisplayName, party.Role, person.IdentityKind, person.IdentityNumber,
                person.Gender, person.ProtectedIdentity);
        }).ToList();

        var team = await (
            from t in db.Set<CaseTeamMember>().AsNoTracking()
            where t.CaseId == c.Id
            join u in db.Set<Unit>() on t.UnitId equals u.Id
            orderby t.AddedAt
            select new TeamUnitView(t.UnitId, u.Name, t.Reason, t.AddedAt, t.Scope)).ToListAsync(ct);

        CaseGroupSummary? group = null;
        if (c.CaseGroupId is { } groupId)
        {
            var g = await db.Set<CaseGroup>().AsNoTracking().SingleAsync(x => x.Id == groupId, ct);
            var members = await policy.ReadableCases(actor).Where(x => x.CaseGroupId == groupId).OrderBy(x => x.Id).Select(x => x.Id).ToListAsync(ct);
            group = new CaseGroupSummary(g.Id, g.Kind, g.Label, members);
        }

        var today = SwedishTime.Today(clock);
        var tasks = (await db.Set<CaseTask>().AsNoTracking().Where(t => t.CaseId == c.Id).OrderBy(t => t.CreatedAt).ThenBy(t => t.Id).ToListAsync(ct))
            .Select(t => CaseTaskView.From(t, today)).ToList();

        return new CaseDetails(c.Id, c.Version, c.Type, c.OwningUnitId, unit, c.ReceivedAt, c.Summary,
            c.ResponsibleStaffId, staff, group, parties, team, access.Route, CaseProcessView.From(c), c.Classification, tasks,
            CasePermissions.Allowed(access).Order().ToList());
    }
}
