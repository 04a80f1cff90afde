using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Samordna.Core;
using Samordna.Core.Access;
using Samordna.Core.Handovers;
using Samordna.Web.Access;

namespace Samordna.Web.Pages.Handovers;

/// <summary>
/// Lämna över: the form that hands a case to another unit, reached from the case (/Handovers/New?caseId=…).
/// Only the owning unit hands over; others are refused before the form shows anything.
/// </summary>
[RequireCapability(Capability.CaseContent)]
public sealed class NewModel(CurrentActor currentActor, HandoverQueries handovers, HandOverHandler handOver) : PageModel
{
    public const string Form = nameof(Input);

    public HandoverForm Case { get; private set; } = null!;

    public IReadOnlyList<SelectListItem> Units { get; private set; } = [];

    [BindProperty]
    public HandoverInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid? caseId, CancellationToken ct)
    {
        if (caseId is not { } id) return NotFound();
        var actor = await currentActor.Get(ct);
        if (await Load(actor, id, ct) is { } refused) return refused;
        // A treatment centre is the usual receiver; preselected when the municipality has exactly one.
        var centres = Case.Units.Where(u => u.Kind == Samordna.Core.Organisations.UnitKind.TreatmentCentre).ToList();
        Input = new HandoverInput { ToUnitId = centres.Count == 1 ? centres[0].Id : null, Queue = true };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? caseId, CancellationToken ct)
    {
        if (caseId is not { } id) return NotFound();
        ModelState.UseSwedishBindingMessages();
        var actor = await currentActor.Get(ct);
        if (ModelState.IsValid)
        {
            try
            {
                var handover = await handOver.Handle(actor, id, new HandOver(Input.ToUnitId, Input.WhatHappened, Input.Assessments, Input.Risks,
                    Input.WhatTheClientHasToldAlready, Input.OtherNotes, Input.Queue), ct);
                TempData["Status"] = Input.Queue
                    ? $"Ärendet är överlämnat till {handover.ToUnit}, och klienten står i enhetens kö."
                    : $"Ärendet är överlämnat till {handover.ToUnit}.";
                return RedirectToPage("/Handovers/Show", new { id = handover.Id });
            }
            catch (ValidationException invalid)
            {
                ModelState.AddValidationErrors(invalid, Form);
            }
            catch (DomainRuleException rule)
            {
                ModelState.AddFormError(Form, rule.Message);
            }
            catch (NotFoundException missing) when (missing.What == "Enheten")
            {
                ModelState.AddModelError($"{Form}.{nameof(HandoverInput.ToUnitId)}", "Enheten finns inte. Välj en enhet i listan.");
            }
            catch (NotFoundException)
            {
                return NotFound();
            }
        }
        return await Load(actor, id, ct) ?? Page();
    }

    /// <summary>The case and the units; a refusal (403 for the case team, 404 for the rest) when the user may not hand it over.</summary>
    private async Task<IActionResult?> Load(Actor actor, Guid caseId, CancellationToken ct)
    {
        try
        {
            Case = await handovers.Prepare(actor, caseId, ct);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        var waiting = Case.Pending.Select(p => p.ToUnitId).ToHashSet();
        Units = [new SelectListItem("Välj enhet", ""), .. Case.Units.Where(u => !waiting.Contains(u.Id)).Select(u => new SelectListItem(u.Name, u.Id.ToString()))];
        return null;
    }

    public sealed class HandoverInput
    {
        public Guid? ToUnitId { get; set; }
        public string? WhatHappened { get; set; }
        public string? Assessments { get; set; }
        public string? Risks { get; set; }
        public string? WhatTheClientHasToldAlready { get; set; }
        public string? OtherNotes { get; set; }
        public bool Queue { get; set; }
    }
}
