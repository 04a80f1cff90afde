using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordna.Core;
using Samordna.Core.Access;
using Samordna.Core.Handovers;
using Samordna.Web.Access;

namespace Samordna.Web.Pages.Handovers;

/// <summary>
/// One handover: the summary the receiving unit reads instead of asking the client again, and — for
/// staff of the receiving unit while it is pending — accepting it or declining it with a reason.
/// </summary>
[RequireCapability(Capability.CaseContent)]
public sealed class ShowModel(CurrentActor currentActor, HandoverQueries handovers, ReceiveHandoverHandler receive) : PageModel
{
    public const string AcceptForm = "Accept";
    public const string DeclineForm = nameof(Decline);

    public HandoverView Handover { get; private set; } = null!;

    /// <summary>Whether the reader works in the receiving unit, and so may open its waiting list.</summary>
    public bool InReceivingUnit { get; private set; }

    [BindProperty]
    public DeclineInput Decline { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await Load(await currentActor.Get(ct), id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAcceptAsync(Guid id, CancellationToken ct)
    {
        var actor = await currentActor.Get(ct);
        try
        {
            await receive.Accept(actor, id, ct);
            TempData["Status"] = "Överlämningen är mottagen.";
            return RedirectToPage("/Handovers/Show", new { id });
        }
        catch (DomainRuleException rule)
        {
            ModelState.AddFormError(AcceptForm, rule.Message);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        return await Load(actor, id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostDeclineAsync(Guid id, CancellationToken ct)
    {
        ModelState.UseSwedishBindingMessages();
        var actor = await currentActor.Get(ct);
        try
        {
            await receive.Decline(actor, id, new DeclineHandover(Decline.Reason), ct);
            TempData["Status"] = "Överlämningen är avböjd.";
            // The unit may have left the case team, and then may no longer open the case or the handover.
            return RedirectToPage("/Handovers/Index");
        }
        catch (ValidationException invalid)
        {
            ModelState.AddValidationErrors(invalid, DeclineForm);
        }
        catch (DomainRuleException rule)
        {
            ModelState.AddFormError(DeclineForm, rule.Message);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        return await Load(actor, id, ct) ? Page() : NotFound();
    }

    private async Task<bool> Load(Actor actor, Guid id, CancellationToken ct)
    {
        try
        {
            Handover = await handovers.Get(actor, id, ct);
        }
        catch (NotFoundException)
        {
            return false;
        }
        InReceivingUnit = actor.UnitsWith(Capability.CaseContent).Contains(Handover.ToUnitId);
        return true;
    }

    public sealed class DeclineInput
    {
        public string? Reason { get; set; }
    }
}
