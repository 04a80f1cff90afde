using Microsoft.EntityFrameworkCore;
using Samordna.Core.Access;
using Samordna.Core.Audit;
using Samordna.Core.Cases;
using Samordna.Core.OpenTalks;
using Samordna.Core.Organisations;

namespace Samordna.Core.People;

/// <summary>A possible duplicate as the existing record's unit sees it: both records, side by side.</summary>
public sealed record IdentityMatchView(Guid Id, long Version, IdentityMatchStatus Status, DateTimeOffset FoundAt,
    PersonSummary Existing, PersonSummary Registered, string? RegisteringUnit, int RegisteredInCases);

/// <summary>
/// The possible duplicates (möjliga dubbletter) a registration left behind, for the unit that answers for
/// the existing record and nobody else — the registrar must not learn that the hidden person exists.
/// Merging moves the registered record's work (parties, case subjects, tasks, friyta, reports) onto the
/// existing person and keeps the registered record, pointing to it, for its history in the audit log.
/// </summary>
public sealed class IdentityMatches(DbContext db, TimeProvider clock, AccessPolicy policy, AuditTrail audit)
{
    /// <summary>Pending matches on records the actor's units answer for, oldest first. The persons shown are logged.</summary>
    public async Task<IReadOnlyList<IdentityMatchView>> Pending(Actor actor, CancellationToken ct)
    {
        var responsible = policy.ResponsibleFor(actor).Select(p => p.Id);
        var matches = await db.Set<IdentityMatch>().AsNoTracking()
            .Where(m => m.OrganisationId == actor.OrganisationId && m.Status == IdentityMatchStatus.Pending && responsible.Contains(m.ExistingPersonId))
            .OrderBy(m => m.FoundAt).Take(200).ToListAsync(ct);
        var views = await Views(matches, ct);
        audit.Record(actor, AuditAction.Search, matches.SelectMany(m => new[] { AuditSubject.Person(m.ExistingPersonId), AuditSubject.Person(m.RegisteredPersonId) }));
        await db.SaveChangesAsync(ct);
        return views;
    }

    public Task<IdentityMatchView> Merge(Actor actor, Guid matchId, long? version, CancellationToken ct) =>
        Resolve(actor, matchId, version, async match =>
        {
            var existing = await db.Set<Person>().SingleAsync(p => p.Id == match.ExistingPersonId, ct);
            var registered = await db.Set<Person>().SingleAsync(p => p.Id == match.RegisteredPersonId, ct);
            await MoveWork(registered.Id, existing.Id, ct);
            registered.MergeInto(existing);
            match.Merge(actor.StaffMemberId, clock.GetUtcNow());
        }, ct);

    public Task<IdentityMatchView> Unlink(Actor actor, Guid matchId, long? version, CancellationToken ct) =>
        Resolve(actor, matchId, version, match =>
        {
            match.Unlink(actor.StaffMemberId, clock.GetUtcNow());
            return Task.CompletedTask;
        }, ct);

    private async Task<IdentityMatchView> Resolve(Actor actor, Guid matchId, long? version, Func<IdentityMatch, Task> resolve, CancellationToken ct)
    {
        var match = await db.Set<IdentityMatch>().SingleOrDefaultAsync(m => m.Id == matchId && m.OrganisationId == actor.OrganisationId, ct)
            ?? throw new NotFoundException("Dubbletten", matchId);
        // Invisible (the existing record is not the actor's to see) answers like a missing id; visible but not theirs, 403.
        if (!await policy.ReadablePeople(actor).AnyAsync(p => p.Id == match.ExistingPersonId, ct)) throw new NotFoundException("Dubbletten", matchId);
        await policy.RequirePerson(actor, match.ExistingPersonId, PersonOperation.ResolveIdentityMatch, ct);
        if (version is { } v) match.EnsureVersion(v);

        await resolve(match);
        audit.Record(actor, AuditAction.ResolveIdentityMatch,
            [AuditSubject.Person(match.ExistingPersonId), AuditSubject.Person(match.RegisteredPersonId)]);
        await db.SaveChangesAsync(ct);
        return (await Views([match], ct)).Single();
    }

    /// <summary>Every record that names the registered person now names the existing one; the registered record stays as it was.</summary>
    private async Task MoveWork(Guid from, Guid to, CancellationToken ct)
    {
        var cases = await db.Set<Case>().Include(c => c.Parties).Where(c => c.Parties.Any(p => p.PersonId == from)).ToListAsync(ct);
        foreach (var @case in cases) @case.ReplaceParty(from, to);
        foreach (var task in await db.Set<CaseTask>().Where(t => t.PersonId == from).ToListAsync(ct)) task.ConcernPerson(to);
        foreach (var contact in await db.Set<OpenTalkContact>().Where(c => c.PersonId == from).ToListAsync(ct)) contact.ConcernPerson(to);
        foreach (var report in await db.Set<ReportOfConcern>().Where(r => r.ChildPersonId == from).ToListAsync(ct)) report.ConcernChild(to);
    }

    private async Task<IReadOnlyList<IdentityMatchView>> Views(IReadOnlyList<IdentityMatch> matches, CancellationToken ct)
    {
        var ids = matches.SelectMany(m => new[] { m.ExistingPersonId, m.RegisteredPersonId }).Distinct().ToList();
        var people = await db.Set<Person>().AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var unitIds = people.Values.Where(p => p.RegisteringUnitId != null).Select(p => p.RegisteringUnitId!.Value).Distinct().ToList();
        var units = await db.Set<Unit>().AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var registeredIds = matches.Select(m => m.RegisteredPersonId).ToList();
        var caseCounts = await db.Set<CaseParty>().AsNoTracking().Where(p => registeredIds.Contains(p.PersonId))
            .GroupBy(p => p.PersonId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return matches.Select(m =>
        {
            var registered = people[m.RegisteredPersonId];
            return new IdentityMatchView(m.Id, m.Version, m.Status, m.FoundAt, Summary(people[m.ExistingPersonId]), Summary(registered),
                registered.RegisteringUnitId is { } u ? units.GetValueOrDefault(u) : null, caseCounts.GetValueOrDefault(m.RegisteredPersonId));
        }).ToList();
    }

    private static PersonSummary Summary(Person p) =>
        new(p.Id, p.DisplayName, p.IdentityKind, p.IdentityNumber, p.BirthDate, p.Gender, p.ProtectedIdentity);
}
