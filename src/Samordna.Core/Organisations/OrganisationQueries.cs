using Microsoft.EntityFrameworkCore;
using Samordna.Core.Access;

namespace Samordna.Core.Organisations;

public sealed record UnitView(Guid Id, string Name, UnitKind Kind, Guid? DistrictId);

public sealed record OrganisationView(Guid Id, string Name, string MunicipalityCode, string CountyCode, IReadOnlyList<UnitView> Units);

public sealed class OrganisationQueries(DbContext db)
{
    /// <summary>The caller's own municipality and its units.</summary>
    public async Task<OrganisationView> Mine(Actor actor, CancellationToken ct)
    {
        var org = await db.Set<Organisation>().AsNoTracking().SingleAsync(o => o.Id == actor.OrganisationId, ct);
        var units = await db.Set<Unit>().AsNoTracking().Where(u => u.OrganisationId == org.Id).OrderBy(u => u.Name)
            .Select(u => new UnitView(u.Id, u.Name, u.Kind, u.DistrictId)).ToListAsync(ct);
        return new OrganisationView(org.Id, org.Name, org.MunicipalityCode, org.CountyCode, units);
    }
}
