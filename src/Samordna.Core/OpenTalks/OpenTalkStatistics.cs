using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Access;
using Samordna.Core.Audit;
using Samordna.Core.Cases;
using Samordna.Core.Organisations;
using Samordna.Core.People;

namespace Samordna.Core.OpenTalks;

public sealed record DropoutCount(DropoutReason Reason, int Contacts);

public sealed record GenderCount(Gender Gender, int Contacts);

/// <summary>
/// One unit's friyta contacts of one kind (victim or perpetrator) started in the period, and what became
/// of them by now. <see cref="Anonymous"/> counts those whose person is still without identity; they are
/// in every other count too.
/// </summary>
public sealed record OpenTalkCount(Guid UnitId, string Unit, CaseType Concerns, int Started, int Anonymous, int Talks, int Active,
    int Converted, int Ended, IReadOnlyList<DropoutCount> EndedBy, IReadOnlyList<GenderCount> ByGender,
    int TalkLimitReached, int ChildrenWithoutChildCase);

public sealed record OpenTalkReport(DateOnly From, DateOnly To, IReadOnlyList<OpenTalkCount> Units);

/// <summary>
/// Friyta statistics for the analyst's own municipality: the contacts started in a period (Swedish
/// calendar days, both included), counted per unit and kind — their talks, how many ended and why,
/// how many became cases, and the warnings standing on them now. Anonymous contacts count like all
/// others; only counts leave, never a person.
/// </summary>
public sealed class OpenTalkStatistics(DbContext db, TimeProvider clock, AuditTrail audit)
{
    public async Task<OpenTalkReport> Report(Actor actor, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        DateWindows.RequirePeriodDay(from, "from", clock);
        DateWindows.RequirePeriodDay(to, "to", clock);
        var today = SwedishTime.Today(clock);
        var last = to ?? today;
        var first = from ?? new DateOnly(last.Year, 1, 1);
        if (first > last)
            throw new ValidationException([new ValidationFailure("from", "Periodens första dag ligger efter dess sista dag.")]);
        var (start, end) = (StartOf(first), StartOf(last.AddDays(1)));
        var protectedChildren = OpenTalkQueries.PeopleWithChildProtection(db);

        var contacts = await (
            from c in db.Set<OpenTalkContact>().AsNoTracking()
            where c.OrganisationId == actor.OrganisationId && c.StartedAt >= start && c.StartedAt < end
            join p in db.Set<Person>() on c.PersonId equals p.Id
            select new
            {
                c.OwningUnitId, c.Concerns, c.Status, c.DropoutReason, c.TalkLimit, c.ChildrenInvolved, Talks = c.Talks.Count(),
                Anonymous = p.IdentityKind == IdentityKind.None && p.FirstName == null && p.LastName == null, p.Gender,
                ChildProtection = protectedChildren.Contains(c.PersonId),
            }).ToListAsync(ct);
        var units = await db.Set<Unit>().Where(u => u.OrganisationId == actor.OrganisationId).ToDictionaryAsync(u => u.Id, u => u.Name, ct);

        var counts = contacts.GroupBy(c => (c.OwningUnitId, c.Concerns)).Select(g =>
        {
            var warnings = g.Select(c => OpenTalkContact.Warnings(c.Status, c.Talks, c.TalkLimit, c.ChildrenInvolved, c.ChildProtection)).ToList();
            return new OpenTalkCount(g.Key.OwningUnitId, units[g.Key.OwningUnitId], g.Key.Concerns, g.Count(), g.Count(c => c.Anonymous),
                g.Sum(c => c.Talks), g.Count(c => c.Status == OpenTalkStatus.Active), g.Count(c => c.Status == OpenTalkStatus.Converted),
                g.Count(c => c.Status == OpenTalkStatus.Ended),
                Enum.GetValues<DropoutReason>().Select(r => new DropoutCount(r, g.Count(c => c.Status == OpenTalkStatus.Ended && c.DropoutReason == r))).ToList(),
                Enum.GetValues<Gender>().Select(s => new GenderCount(s, g.Count(c => c.Gender == s))).ToList(),
                warnings.Count(w => w.Contains(OpenTalkWarning.TalkLimitReached)),
                warnings.Count(w => w.Contains(OpenTalkWarning.ChildrenWithoutChildCase)));
        }).OrderBy(c => c.Unit).ThenBy(c => c.Concerns).ToList();

        audit.Record(actor, AuditAction.ReadStatistics, [], capability: Capability.Statistics);
        await db.SaveChangesAsync(ct);
        return new OpenTalkReport(first, last, counts);
    }

    /// <summary>The instant a Swedish calendar day begins (midnight always exists in Swedish time).</summary>
    private static DateTimeOffset StartOf(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(midnight, SwedishTime.Zone.GetUtcOffset(midnight)).ToUniversalTime();
    }
}
