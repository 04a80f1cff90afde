using Microsoft.EntityFrameworkCore;
using Samordna.Core.Cases;
using Samordna.Core.OpenTalks;

namespace Samordna.Core.Access;

/// <summary>What may be done with a friyta contact.</summary>
public enum OpenTalkOperation
{
    Read,

    /// <summary>Record a talk held.</summary>
    RecordTalk,

    /// <summary>End the contact without a case (avhopp).</summary>
    End,

    /// <summary>Turn the contact into a case, with consent.</summary>
    Convert,
}

/// <summary>
/// The friyta resource's decisions, in the access layer's style: staff with case content in the unit that
/// holds the talks may do everything with the contact; once it became a case, the unit that owns that case
/// may read it (the talks are its case's history) but the talks stay the holding unit's work. Everyone
/// else gets the same NotFound as for a missing id, as <see cref="AccessPolicy"/> does for cases. The
/// person of an anonymous contact is the holding unit's (it registered them), like any person before a case.
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
    public async Task<(OpenTalkContact Contact, UnitRole Through)> Require(Actor actor, Guid id, OpenTalkOperation operation, CancellationToken ct)
    {
        var forUpdate = operation != OpenTalkOperation.Read;
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
            if (units.Contains(caseUnit))
                return operation == OpenTalkOperation.Read
                    ? (contact, AccessPolicy.BestRoleIn(actor, caseUnit)!)
                    : throw new ForbiddenException("Friytesamtalen förs av den enhet som höll dem; ärendets enhet kan läsa dem.", operation);
        }
        throw Missing(id);
    }

    private static NotFoundException Missing(Guid id) => new("Friytekontakten", id);
}
