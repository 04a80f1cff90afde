using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Samordna.Core;
using Samordna.Core.Access;
using Samordna.Web.Access;

namespace Samordna.Web.Pages.Cases;

/// <summary>
/// Nödåtkomst: opens a case outside the user's rights for a limited time, with a reason that is logged
/// and reviewed. The page says nothing about the case before access is taken — not even whether it
/// exists — so it cannot be used to look cases up.
/// </summary>
[RequireCapability(Capability.CaseContent)]
public sealed class EmergencyAccessModel(CurrentActor currentActor, TakeEmergencyAccessHandler takeEmergencyAccess,
    IOptions<AccessSettings> settings) : PageModel
{
    public const string Form = nameof(Input);
    public const string CaseForm = nameof(Case);

    /// <summary>The case asked for, from the address; null while the user has not given one.</summary>
    public Guid? CaseId { get; private set; }

    [BindProperty]
    public ReasonInput Input { get; set; } = new();

    /// <summary>The case id as typed, when it is asked for on this page.</summary>
    public CaseIdInput Case { get; } = new();

    public TimeSpan Duration => settings.Value.EmergencyAccessDuration;

    /// <summary>
    /// With an id in the address: the form. Without one: a field for the case id (the form on the case
    /// list sends it here as ?case=…), which leads on to the address with the id.
    /// </summary>
    public IActionResult OnGet(Guid? id, string? @case)
    {
        if (id is not null)
        {
            CaseId = id;
            return Page();
        }
        ModelState.Clear();
        Case.Id = @case?.Trim();
        if (string.IsNullOrEmpty(Case.Id)) return Page();
        if (Guid.TryParse(Case.Id, out var typed)) return RedirectToPage("/Cases/EmergencyAccess", new { id = typed });
        ModelState.AddModelError($"{CaseForm}.{nameof(CaseIdInput.Id)}",
            $"Ärende-id ”{Case.Id}” kan inte tolkas. Klistra in hela id:t (36 tecken med bindestreck).");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        if (id is not { } caseId) return NotFound();
        CaseId = caseId;
        ModelState.UseSwedishBindingMessages();
        if (!ModelState.IsValid) return Page();
        try
        {
            var access = await takeEmergencyAccess.Handle(await currentActor.Get(ct), caseId, new TakeEmergencyAccess(Input.Reason), ct);
            TempData["Status"] = $"Du har nödåtkomst till ärendet till {Swedish.Time(access.ExpiresAt)}. Åtkomsten loggas och granskas.";
            return RedirectToPage("/Cases/Show", new { id = caseId });
        }
        catch (ValidationException invalid)
        {
            ModelState.AddValidationErrors(invalid, Form);
        }
        catch (Exception refused) when (refused is ForbiddenException or DomainRuleException)
        {
            ModelState.AddFormError(Form, refused.Message);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        return Page();
    }

    /// <summary>The duration in words: "4 timmar", "30 minuter", "1 timme och 30 minuter".</summary>
    public static string InWords(TimeSpan duration)
    {
        var hours = (int)duration.TotalHours;
        var minutes = duration.Minutes;
        var parts = new List<string>();
        if (hours > 0) parts.Add(hours == 1 ? "1 timme" : $"{hours} timmar");
        if (minutes > 0) parts.Add(minutes == 1 ? "1 minut" : $"{minutes} minuter");
        return parts.Count == 0 ? "en kort stund" : string.Join(" och ", parts);
    }

    public sealed class ReasonInput
    {
        public string? Reason { get; set; }
    }

    public sealed class CaseIdInput
    {
        public string? Id { get; set; }
    }
}
