using Samordna.Core.Access;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Samordna.Core;
using Samordna.Core.Cases;
using Samordna.Core.Organisations;
using Samordna.Web.Access;

namespace Samordna.Web.Pages.Cases;

/// <summary>The municipality's cases, newest first, optionally one unit's; a page at a time.</summary>
[RequireCapability(Capability.CaseContent)]
public sealed class IndexModel(CurrentActor currentActor, CaseQueries cases, OrganisationQueries organisations) : PageModel
{
    public const int PageSize = 25;

    public Guid? Unit { get; private set; }
    public string? UnitName { get; private set; }
    public bool IsContinuation { get; private set; }
    public IReadOnlyList<SelectListItem> Units { get; private set; } = [];
    public Page<CaseSummary> Result { get; private set; } = new([], null);

    public async Task OnGetAsync(Guid? unit, Guid? before, CancellationToken ct)
    {
        var actor = await currentActor.Get(ct);
        var units = (await organisations.Mine(actor, ct)).Units;
        // An id that is not one of the municipality's units shows all cases rather than an empty list.
        Unit = units.Any(u => u.Id == unit) ? unit : null;
        UnitName = units.FirstOrDefault(u => u.Id == Unit)?.Name;
        Units = [new SelectListItem("Alla enheter", ""), .. units.Select(u => new SelectListItem(u.Name, u.Id.ToString(), u.Id == Unit))];
        IsContinuation = before is not null;
        Result = await cases.List(actor, Unit, before, PageSize, ct);
    }
}
