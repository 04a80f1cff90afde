using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordna.Core.Access;
using Samordna.Core.Cases;
using Samordna.Core.Organisations;
using Samordna.Web.Access;

namespace Samordna.Web.Pages;

/// <summary>
/// Start: the latest cases of each unit the signed-in member of staff works in. (There is no query for
/// the cases one is responsible for yet; the unit lists are the closest honest view.)
/// </summary>
[AnySignedIn]
public sealed class IndexModel(CurrentActor currentActor, CaseQueries cases, OrganisationQueries organisations, CaseTaskHandler tasks) : PageModel
{
    public const int CasesPerUnit = 10;

    public string DisplayName { get; private set; } = "";
    public IReadOnlyList<UnitCases> Units { get; private set; } = [];
    public bool MayReviewAudit { get; private set; }

    /// <summary>Fristradarn: open deadlines in my own caseload and in my units, the most urgent first.</summary>
    public IReadOnlyList<RadarItem> MyDeadlines { get; private set; } = [];
    public IReadOnlyList<RadarItem> UnitDeadlines { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var actor = await currentActor.Get(ct);
        DisplayName = actor.DisplayName;
        var organisation = await organisations.Mine(actor, ct);
        MayReviewAudit = actor.Has(Capability.AuditReview);
        // Only units where the member of staff works with cases; an analyst or log reviewer sees no case lists.
        var mine = actor.UnitsWith(Capability.CaseContent).ToHashSet();
        if (mine.Count > 0)
        {
            MyDeadlines = await tasks.Radar(actor, RadarScope.Mine, null, ct);
            UnitDeadlines = await tasks.Radar(actor, RadarScope.Units, null, ct);
        }
        var units = new List<UnitCases>();
        foreach (var unit in organisation.Units.Where(u => mine.Contains(u.Id)))
        {
            var page = await cases.List(actor, unit.Id, null, CasesPerUnit, ct);
            units.Add(new UnitCases(unit, page.Items, page.Next is not null));
        }
        Units = units;
    }

    public sealed record UnitCases(UnitView Unit, IReadOnlyList<CaseSummary> Cases, bool HasMore);
}
