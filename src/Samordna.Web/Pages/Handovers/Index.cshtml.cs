using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordna.Core.Access;
using Samordna.Core.Handovers;
using Samordna.Core.Organisations;
using Samordna.Web.Access;

namespace Samordna.Web.Pages.Handovers;

/// <summary>
/// Handovers waiting for an answer: to the user's units (to accept or decline), from them (waiting for
/// the other unit), and the report of unfinished handovers per receiving unit — the whole municipality
/// for unit managers. Links to the waiting list of each of the user's units.
/// </summary>
[RequireCapability(Capability.CaseContent)]
public sealed class IndexModel(CurrentActor currentActor, HandoverQueries handovers, OrganisationQueries organisations) : PageModel
{
    public PendingHandoversReport Report { get; private set; } = null!;

    /// <summary>The user's units with case content: their incoming handovers and their queues.</summary>
    public IReadOnlyList<UnitView> OwnUnits { get; private set; } = [];

    public IReadOnlyList<HandoverRow> Incoming => Report.Handovers.Where(h => Report.OwnUnitIds.Contains(h.ToUnitId)).ToList();

    public IReadOnlyList<HandoverRow> Outgoing =>
        Report.Handovers.Where(h => Report.OwnUnitIds.Contains(h.FromUnitId) && !Report.OwnUnitIds.Contains(h.ToUnitId)).ToList();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var actor = await currentActor.Get(ct);
        Report = await handovers.Pending(actor, ct);
        var mine = actor.UnitsWith(Capability.CaseContent);
        OwnUnits = (await organisations.Mine(actor, ct)).Units.Where(u => mine.Contains(u.Id)).ToList();
    }
}
