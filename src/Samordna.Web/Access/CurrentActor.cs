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
    private bool _looked;

    /// <summary>The actor; a request without an active member of staff behind it is answered 401.</summary>
    public async Task<Actor> Get(CancellationToken ct) =>
        await Find(ct) ?? throw new UnauthorizedAccessException("Not signed in as an active member of staff.");

    public async Task<Actor?> Find(CancellationToken ct)
    {
        if (_looked) return _actor;
        _looked = true;
        var context = http.HttpContext;
        if (!Guid.TryParse(context?.User.FindFirstValue(ClaimTypes.NameIdentifier), out var id)) return null;
        var member = await db.Set<StaffMember>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == id && s.Active, ct);
        if (member is null) return null;
        // The connection's address, or the client a configured proxy forwarded (ForwardedHeadersSettings).
        _actor = new Actor(member.Id, member.OrganisationId, member.DisplayName,
            member.Roles.Select(r => new UnitRole(r.UnitId, r.Role)).ToList(),
            member.ProtectedDataClearance, context!.Connection.RemoteIpAddress?.ToString());
        return _actor;
    }
}
