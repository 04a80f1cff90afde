using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Access;
using Samordna.Core.Staff;
using Samordna.Data;

namespace Samordna.Web.Access;

/// <summary>
/// The <see cref="Actor"/> behind the current request, read from the database once per request so a
/// deactivated member of staff or a withdrawn role stops working at once, not when the cookie expires.
/// </summary>
public sealed class CurrentActor(IHttpContextAccessor http, SamordnaDbContext db)
{
    private Actor? _actor;

    public async Task<Actor> Get(CancellationToken ct)
    {
        if (_actor is not null) return _actor;
        var user = http.HttpContext?.User;
        var idText = user?.FindFirstValue(ClaimTypes.NameIdentifier);
        if (!Guid.TryParse(idText, out var id))
            throw new UnauthorizedAccessException("Not signed in.");
        var member = await db.Set<StaffMember>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == id && s.Active, ct)
            ?? throw new UnauthorizedAccessException("The member of staff is not active.");
        _actor = new Actor(member.Id, member.OrganisationId, member.DisplayName,
            member.Roles.Select(r => new UnitRole(r.UnitId, r.Role)).ToList());
        return _actor;
    }
}
