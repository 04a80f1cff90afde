using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordna.Core;
using Samordna.Core.Access;
using Samordna.Core.People;
using Samordna.Web.Access;

namespace Samordna.Web.Pages.People;

/// <summary>
/// Möjliga dubbletter: records registered with the number of a person the registrar could not see, for the
/// unit that answers for that person to merge or unlink. Nobody else sees them; the registrar is not told.
/// </summary>
[RequireCapability(Capability.CaseContent)]
public sealed class MatchesModel(CurrentActor currentActor, IdentityMatches matches) : PageModel
{
    public IReadOnlyList<IdentityMatchView> Pending { get; private set; } = [];

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Pending = await matches.Pending(await currentActor.Get(ct), ct);

    public Task<IActionResult> OnPostMergeAsync(Guid id, long? version, CancellationToken ct) =>
        Resolve(id, version, (actor, v) => matches.Merge(actor, id, v, ct), "Posterna är sammanslagna. Ärendena gäller nu den befintliga personen.", ct);

    public Task<IActionResult> OnPostUnlinkAsync(Guid id, long? version, CancellationToken ct) =>
        Resolve(id, version, (actor, v) => matches.Unlink(actor, id, v, ct), "Posterna är åtskilda: två olika personer.", ct);

    private async Task<IActionResult> Resolve(Guid id, long? version, Func<Actor, long?, Task<IdentityMatchView>> resolve, string done,
        CancellationToken ct)
    {
        var actor = await currentActor.Get(ct);
        try
        {
            await resolve(actor, version);
            TempData["Status"] = done;
            return RedirectToPage("/People/Matches");
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (Exception refused) when (refused is DomainRuleException or ConcurrencyConflictException or ForbiddenException)
        {
            Error = refused.Message;
        }
        Pending = await matches.Pending(actor, ct);
        return Page();
    }
}
