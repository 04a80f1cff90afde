using Microsoft.EntityFrameworkCore;
using Samordna.Core.Access;
using Samordna.Core.Cases;

namespace Samordna.Core.OpenTalks;

/// <summary>
/// Who may see a friyta contact: staff with case content in the unit that holds the talks, and — once it
/// became a case — in the unit that owns that case. Everyone else gets the same NotFound as for a
/// missing id, as <see cref="AccessPolicy"/> does for cases. The contact gives access to its person, as
/// a case does to its parties; the person is otherwise in no case while the talks are anonymous.
/// </summary>
public sealed class OpenTalkAccess(DbContext db)
{
    public IQueryable<OpenTalkContact> Readable(Actor actor)
    {
        var units = actor.UnitsWith(Capability.CaseContent);
        return db.Set<OpenTalkContact>().Where(c => c.OrganisationId == actor.OrganisationId && (
            units.Contains(c.OwningUnitId) ||
            (c.ConvertedCaseId != null && db.Set<Case>().Any(k => k.Id == c.ConvertedCaseId && units.Contains(k.OwningUnitId)))));
    }

    /// <summary>The contact with its talks, and the unit role the actor reaches it through; NotFound when they may not.</summary>
    public async Task<(OpenTalkContact Contact, UnitRole Through)> Require(Actor actor, Guid id, bool forUpdate, CancellationToken ct)
    {
        var units = actor.UnitsWith(Capability.CaseContent);
        var query = db.Set<OpenTalkContact>().Include(c => c.Talks).AsQueryable();
        if (!forUpdate) query = query.AsNoTracking();
        var contact = units.Count == 0 ? null
            : await query.SingleOrDefaultAsync(c => c.Id == id && c.OrganisationId == actor.OrganisationId, ct);
        if (contact is null) throw Missing(id);

        if (units.Contains(contact.OwningUnitId)) return (contact, AccessPolicy.BestRoleIn(actor, contact.OwningUnitId)!);
        if (contact.ConvertedCaseId is { } caseId)
        {
            var caseUnit = await db.Set<Case>().Where(c => c.Id == caseId).Select(c => c.OwningUnitId).SingleAsync(ct);
            if (units.Contains(caseUnit)) return (contact, AccessPolicy.BestRoleIn(actor, caseUnit)!);
        }
        throw Missing(id);
    }

    private static NotFoundException Missing(Guid id) => new("Friytekontakten", id);
}
