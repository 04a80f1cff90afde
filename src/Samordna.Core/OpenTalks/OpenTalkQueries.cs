using Microsoft.EntityFrameworkCore;
using Samordna.Core.Access;
using Samordna.Core.Audit;
using Samordna.Core.Cases;
using Samordna.Core.Organisations;
using Samordna.Core.People;
using Samordna.Core.Staff;

namespace Samordna.Core.OpenTalks;

public sealed record TalkView(Guid Id, int Number, DateTimeOffset HeldAt, Guid StaffMemberId, string Staff, string? Note);

public sealed record ConsentView(DateTimeOffset GivenAt, Guid RecordedBy, string RecordedByName, ConsentMethod Method, string Covers);

/// <param name="PersonName">The pseudonym while the person is anonymous, the name once identified.</param>
public sealed record OpenTalkDetails(Guid Id, long Version, Guid OwningUnitId, string OwningUnit, Guid PersonId, string PersonName,
    IdentityKind IdentityKind, Gender Gender, ProtectedIdentityLevel ProtectedIdentity, CaseType Concerns, DateTimeOffset StartedAt,
    int TalkLimit, int ChildrenInvolved, OpenTalkStatus Status, IReadOnlyList<TalkView> Talks, DateTimeOffset? EndedAt,
    DropoutReason? DropoutReason, string? DropoutNote, ConsentView? Consent, Guid? CaseId, DateTimeOffset? ConvertedAt,
    IReadOnlyList<OpenTalkWarning> Warnings)
{
    public int TalkCount => Talks.Count;
}

public sealed record OpenTalkSummary(Guid Id, Guid OwningUnitId, string OwningUnit, Guid PersonId, string PersonName, IdentityKind IdentityKind,
    CaseType Concerns, DateTimeOffset StartedAt, int TalkCount, int TalkLimit, int ChildrenInvolved, OpenTalkStatus Status, Guid? CaseId,
    IReadOnlyList<OpenTalkWarning> Warnings);

/// <summary>Reads friyta contacts with their warnings. Every read is logged before its data is returned.</summary>
public sealed class OpenTalkQueries(DbContext db, OpenTalkAccess access, AuditTrail audit)
{
    public const int MaxPageSize = 200;

    /// <summary>One contact with its talks, consent and warnings.</summary>
    public async Task<OpenTalkDetails> Get(Actor actor, Guid id, CancellationToken ct)
    {
        var (contact, through) = await access.Require(actor, id, OpenTalkOperation.Read, ct);
        var details = await Build(contact, ct);
        audit.Record(actor, AuditAction.ReadOpenTalk, Subjects(contact), through: through);
        await db.SaveChangesAsync(ct);
        return details;
    }

    /// <summary>
    /// The contacts the actor may see, newest first, optionally those held by one unit; keyset-paged with
    /// <paramref name="before"/>. Every person listed is logged.
    /// </summary>
    public async Task<Page<OpenTalkSummary>> List(Actor actor, Guid? unitId, Guid? before, int limit, CancellationToken ct)
    {
        limit = Math.Clamp(limit, 1, MaxPageSize);
        var contacts = access.Readable(actor).AsNoTracking();
        if (unitId is { } unit) contacts = contacts.Where(c => c.OwningUnitId == unit);
        if (before is { } key) contacts = contacts.Where(c => c.Id.CompareTo(key) < 0);
        var protectedChildren = PeopleWithChildProtection(db);

        var rows = await (
            from c in contacts
            join u in db.Set<Unit>() on c.OwningUnitId equals u.Id
            join p in db.Set<Person>() on c.PersonId equals p.Id
            orderby c.Id descending
            select new
            {
                c.Id, c.OwningUnitId, Unit = u.Name, c.PersonId, p.FirstName, p.LastName, p.Pseudonym, p.IdentityKind,
                c.Concerns, c.StartedAt, Talks = c.Talks.Count(), c.TalkLimit, c.ChildrenInvolved, c.Status, c.ConvertedCaseId,
                ChildProtection = protectedChildren.Contains(c.PersonId),
            }).Take(limit + 1).ToListAsync(ct);

        var page = rows.Take(limit).ToList();
        var through = unitId is { } listed ? AccessPolicy.BestRoleIn(actor, listed) : null;
        audit.Record(actor, AuditAction.Search, page.Select(r => AuditSubject.Person(r.PersonId)), through: through);
        await db.SaveChangesAsync(ct);

        var items = page.Select(r => new OpenTalkSummary(r.Id, r.OwningUnitId, r.Unit, r.PersonId, Person.NameOf(r.FirstName, r.LastName, r.Pseudonym),
            r.IdentityKind, r.Concerns, r.StartedAt, r.Talks, r.TalkLimit, r.ChildrenInvolved, r.Status, r.ConvertedCaseId,
            OpenTalkContact.Warnings(r.Status, r.Talks, r.TalkLimit, r.ChildrenInvolved, r.ChildProtection))).ToList();
        return new Page<OpenTalkSummary>(items, rows.Count > limit ? items[^1].Id.ToString() : null);
    }

    /// <summary>The contact as it stands after a change the caller already logged.</summary>
    internal async Task<OpenTalkDetails> Build(OpenTalkContact contact, CancellationToken ct)
    {
        var unit = await db.Set<Unit>().Where(u => u.Id == contact.OwningUnitId).Select(u => u.Name).SingleAsync(ct);
        var person = await db.Set<Person>().AsNoTracking().SingleAsync(p => p.Id == contact.PersonId, ct);
        var staffIds = contact.Talks.Select(t => t.StaffMemberId).Append(contact.Consent?.RecordedBy ?? contact.StartedBy).Distinct().ToList();
        var staff = await db.Set<StaffMember>().Where(s => staffIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.DisplayName, ct);
        var childProtection = contact.ChildrenInvolved > 0 && await PeopleWithChildProtection(db).ContainsAsync(contact.PersonId, ct);

        var talks = contact.Talks.OrderBy(t => t.Number)
            .Select(t => new TalkView(t.Id, t.Number, t.HeldAt, t.StaffMemberId, staff[t.StaffMemberId], t.Note)).ToList();
        var consent = contact.Consent is { } c ? new ConsentView(c.GivenAt, c.RecordedBy, staff[c.RecordedBy], c.Method, c.Covers) : null;
        return new OpenTalkDetails(contact.Id, contact.Version, contact.OwningUnitId, unit, person.Id, person.DisplayName, person.IdentityKind,
            person.Gender, person.ProtectedIdentity, contact.Concerns, contact.StartedAt, contact.TalkLimit, contact.ChildrenInvolved,
            contact.Status, talks, contact.EndedAt, contact.DropoutReason, contact.DropoutNote, consent, contact.ConvertedCaseId,
            contact.ConvertedAt,
            OpenTalkContact.Warnings(contact.Status, talks.Count, contact.TalkLimit, contact.ChildrenInvolved, childProtection));
    }

    /// <summary>What an audit entry about the contact names: its person, and the case it became.</summary>
    internal static IEnumerable<AuditSubject> Subjects(OpenTalkContact contact) =>
        contact.ConvertedCaseId is { } caseId
            ? [AuditSubject.Person(contact.PersonId), AuditSubject.Case(caseId)]
            : [AuditSubject.Person(contact.PersonId)];

    /// <summary>
    /// People whose children are known to child welfare, as far as the register shows: in one of their
    /// cases an orosanmälan was filed, or its case group holds a child's case, or a child named in it has a
    /// child's case of their own. A person in no case at all (an anonymous contact) is never in this set.
    /// </summary>
    internal static IQueryable<Guid> PeopleWithChildProtection(DbContext db) =>
        db.Set<CaseParty>().Where(party =>
                db.Set<ReportOfConcern>().Any(r => r.FromCaseId == party.CaseId) ||
                db.Set<Case>().Any(k => k.Id == party.CaseId && k.CaseGroupId != null &&
                                        db.Set<Case>().Any(g => g.CaseGroupId == k.CaseGroupId && g.Type == CaseType.Child)) ||
                db.Set<CaseParty>().Any(child => child.CaseId == party.CaseId && child.Role == PartyRole.Child &&
                                                 db.Set<Case>().Any(g => g.SubjectPersonId == child.PersonId && g.Type == CaseType.Child)))
            .Select(party => party.PersonId);
}
